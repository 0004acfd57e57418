using System.Globalization;
using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Tests.Output;

public partial class ResultsFolderTests
{
    [Fact]
    public void Claim_NeverPicksADefaultFolderThatHoldsResultsOrIsClaimed()
    {
        string root = TestPaths.TempDirectory();
        using (ResultsFolder first = Claimed(null, root))
        {
            Assert.Equal(Path.Combine(root, "q"), first.Path);

            // A second run while the first is still writing must not share its folder.
            using ResultsFolder second = Claimed(null, root);
            Assert.Equal(Path.Combine(root, "q-2"), second.Path);
            File.WriteAllText(Path.Combine(first.Path, "summary.csv"), "x");
        }

        using ResultsFolder third = Claimed(null, root);
        Assert.Equal(Path.Combine(root, "q-2"), third.Path);
    }

    [Fact]
    public void Claim_RefusesToOverwriteResultsUnlessAsked()
    {
        string dir = TestPaths.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "run.json"), "{}");
        var (refused, error) = ResultsFolder.Claim(dir, "q", overwrite: false);
        Assert.Null(refused);
        Assert.Contains("already holds results (run.json)", error, StringComparison.Ordinal);
        Assert.Contains("--overwrite", error, StringComparison.Ordinal);
        using ResultsFolder allowed = Claimed(dir, null, overwrite: true);
        Assert.Equal(dir, allowed.Path);
    }

    [Fact]
    public void Claim_RefusesAFolderAnotherRunIsWriting()
    {
        string dir = TestPaths.TempDirectory();
        using ResultsFolder first = Claimed(dir, null, overwrite: true);
        var (second, error) = ResultsFolder.Claim(dir, "q", overwrite: true);
        Assert.Null(second);
        Assert.Contains("being written by another orgsim run", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_TakesOverTheMarkerOfARunThatWasKilled()
    {
        // A marker naming a process that no longer exists (no process has id int.MaxValue): a killed run's.
        string dir = TestPaths.TempDirectory();
        File.WriteAllText(Path.Combine(dir, ResultsFolder.ClaimFileName), int.MaxValue.ToString(CultureInfo.InvariantCulture) + " 638000000000000000");
        using ResultsFolder claim = Claimed(dir, null, overwrite: true);
        Assert.StartsWith(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + " ", File.ReadAllText(Path.Combine(dir, ResultsFolder.ClaimFileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_TakesOverAMarkerWithThisProcessIdFromAnEarlierProcess()
    {
        // In a container every run is process 1: a marker with our id but another start time is a dead run's.
        string dir = TestPaths.TempDirectory();
        File.WriteAllText(Path.Combine(dir, ResultsFolder.ClaimFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + " 1");
        using ResultsFolder claim = Claimed(dir, null, overwrite: true);
        Assert.NotNull(claim);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Claim_RejectsAnEmptyFolderName(string requested)
    {
        var (claim, error) = ResultsFolder.Claim(requested, "q", overwrite: false);
        Assert.Null(claim);
        Assert.Contains("--out is empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_RemovesTheMarkerAndAFolderItCreatedThatStayedEmpty()
    {
        string root = TestPaths.TempDirectory();
        string kept, dropped;
        using (ResultsFolder used = Claimed(Path.Combine(root, "used"), null))
        {
            kept = used.Path;
            File.WriteAllText(Path.Combine(kept, "summary.csv"), "x");
        }

        using (ResultsFolder unused = Claimed(Path.Combine(root, "unused"), null))
        {
            dropped = unused.Path;
        }

        Assert.Equal(["summary.csv"], Directory.GetFiles(kept).Select(Path.GetFileName));
        Assert.False(Directory.Exists(dropped));
    }

    private static ResultsFolder Claimed(string? requested, string? root, bool overwrite = false)
    {
        var (claim, error) = ResultsFolder.Claim(requested, "q", overwrite, root ?? "results");
        Assert.True(claim is not null, error);
        return claim!;
    }
}
