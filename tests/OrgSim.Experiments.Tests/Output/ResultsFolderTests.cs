using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Tests.Output;

public partial class ResultsFolderTests
{
    [Fact]
    public void OwnedNames_NameEveryEntryARunWrites()
    {
        // A sweep with a report writes every kind of file: tables, run.json, the org chart, plots, the report, records.
        string text = TestScenarios.SmallText(replicates: 2, horizon: 6) + "\nsweep:\n  grid:\n    model.transmission: [0.02, 0.08]\n";
        string folder = TestRuns.InFolder(text, report: true);
        string[] written = Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        // The lock file stays beside them (its lock, released, is what claimed the folder); the commit journal exists only during a commit.
        Assert.Equal(ResultsFolder.OwnedNames.Except([ResultsFolder.CommitJournalFileName]).Append(ResultsFolder.ClaimFileName).Order(StringComparer.Ordinal), written);
    }

    [Fact]
    public void AtomicFile_LeavesTheTargetAndNoTemporaryFileWhenTheWriteFails()
    {
        string dir = TestPaths.TempDirectory();
        string target = Path.Combine(dir, "a.csv");
        File.WriteAllText(target, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(target, w =>
        {
            w.Write("half");
            throw new InvalidOperationException("disk full");
        }));
        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal(["a.csv"], Directory.GetFiles(dir).Select(Path.GetFileName));

        AtomicFile.WriteText(target, "new");
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(dir));
    }
}
