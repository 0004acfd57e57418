using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Tests.Output;

public partial class ResultsFolderTests
{
    [Fact]
    public void AtomicFileSet_WithAJournal_IsFinishedByRecoverAfterARenameFailedHalfWay()
    {
        string dir = TestPaths.TempDirectory();
        string[] targets = ["a.csv", "b.csv", "c.csv"];
        foreach (string t in targets)
        {
            File.WriteAllText(Path.Combine(dir, t), "old");
        }

        // b.csv cannot be replaced: a folder with something in it stands there (a full disk or a kill does the same half-way).
        File.Delete(Path.Combine(dir, "b.csv"));
        Directory.CreateDirectory(Path.Combine(dir, "b.csv", "in-the-way"));
        string journal = Path.Combine(dir, ".journal");
        using (var files = new AtomicFileSet(overwrite: true, journal))
        {
            foreach (string t in targets)
            {
                files.Stage(Path.Combine(dir, t), w => w.Write("new"));
            }

            Assert.ThrowsAny<IOException>(files.Commit);
        }

        Assert.Equal("new", File.ReadAllText(Path.Combine(dir, "a.csv")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(dir, "c.csv")));
        Assert.True(File.Exists(journal));

        Directory.Delete(Path.Combine(dir, "b.csv"), recursive: true);
        Assert.Equal(2, AtomicFileSet.Recover(journal, _ => true));
        Assert.All(targets, t => Assert.Equal("new", File.ReadAllText(Path.Combine(dir, t))));
        Assert.Equal(targets, Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TablesLeftHalfReplaced_AreFinishedByTheNextCommandThatClaimsTheFolder()
    {
        string text = TestScenarios.SmallText(replicates: 2, horizon: 8);
        string folder = Path.Combine(TestPaths.TempDirectory(), "out");
        RunOutcome Run(string? only) => RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(TestRuns.ScenarioFile(text), []), Out = folder, Only = only, NoReport = true }, new RunListener());
        Assert.Equal(JobStatus.Success, Run("replicate=0").Status);

        // The resume's assembly renames timeseries, outcomes, levels and runs, then cannot replace summary.csv.
        File.Delete(Path.Combine(folder, "summary.csv"));
        Directory.CreateDirectory(Path.Combine(folder, "summary.csv", "in-the-way"));
        RunOutcome failed = Run(null);
        Assert.Equal(JobStatus.BadInput, failed.Status);
        Assert.Contains("cannot write results", Assert.Single(failed.Errors), StringComparison.Ordinal);

        // Whoever claims the folder next (here orgsim plot) finishes the renames: every table of one assembly.
        Directory.Delete(Path.Combine(folder, "summary.csv"), recursive: true);
        var (claimed, error) = ResultsFolder.ClaimExisting(folder);
        Assert.True(claimed is not null, error);
        claimed.Dispose();
        string whole = TestRuns.InFolder(text);
        foreach (string table in ResultsFolder.TableFileNames)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(whole, table)), File.ReadAllText(Path.Combine(folder, table)));
        }

        Assert.Empty(Directory.GetFiles(folder, "*.tmp-*", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(folder, ResultsFolder.CommitJournalFileName)));
    }
}
