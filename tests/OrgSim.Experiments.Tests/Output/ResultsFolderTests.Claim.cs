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
    public void Claim_TakesOverTheLockFileOfARunThatWasKilled()
    {
        // A killed run leaves its lock file, but the kernel dropped its lock: whatever the file says, the folder is free.
        string dir = TestPaths.TempDirectory();
        File.WriteAllText(Path.Combine(dir, ResultsFolder.ClaimFileName), "1 638000000000000000");
        using ResultsFolder claim = Claimed(dir, null, overwrite: true);
        Assert.Equal(dir, claim.Path);
    }

    [Fact]
    public void Claim_RefusesAFolderWhoseLockAnotherOpenFileHolds()
    {
        // What another process does: hold the file with an exclusive lock. No process id is involved,
        // so a writer in another PID namespace or container is seen all the same.
        string dir = TestPaths.TempDirectory();
        using (new FileStream(Path.Combine(dir, ResultsFolder.ClaimFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var (claim, error) = ResultsFolder.Claim(dir, "q", overwrite: true);
            Assert.Null(claim);
            Assert.Contains("being written by another orgsim run", error, StringComparison.Ordinal);
        }

        using ResultsFolder free = Claimed(dir, null, overwrite: true);
        Assert.Equal(dir, free.Path);
    }

    [Fact]
    public void Claim_ThatCannotCreateTheFolder_LeavesNoEmptyResultsFolder()
    {
        // A scenario name longer than a file name may be (validate refuses such names; a run.json could still hold one).
        string root = Path.Combine(TestPaths.TempDirectory(), "results");
        var (claim, error) = ResultsFolder.Claim(null, new string('n', 300), overwrite: false, root);
        Assert.Null(claim);
        Assert.Contains("cannot create the output folder", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root));
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
    public void Dispose_RemovesAFolderItCreatedThatStayedEmpty()
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

        Assert.Equal([ResultsFolder.ClaimFileName, "summary.csv"], Directory.GetFiles(kept).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(dropped));
    }

    private static ResultsFolder Claimed(string? requested, string? root, bool overwrite = false)
    {
        var (claim, error) = ResultsFolder.Claim(requested, "q", overwrite, root ?? "results");
        Assert.True(claim is not null, error);
        return claim!;
    }
}
