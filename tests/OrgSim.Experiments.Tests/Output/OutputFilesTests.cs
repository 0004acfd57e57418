using System.Globalization;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Tests.Output;

public class OutputFilesTests
{
    [Fact]
    public void TimeseriesCsv_HasTheDocumentedHeaderAndOneRowPerArmReplicateTickAndCompetency()
    {
        ScenarioSpec spec = TestScenarios.Small(replicates: 2, horizon: 5).Spec;
        var writer = new StringWriter();
        TimeseriesCsv.Write(writer, ExperimentRunner.Run(spec, 1));
        string[] lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "point,arm,replicate,tick,competency,unconscious_incompetence,conscious_incompetence,conscious_competence,unconscious_competence",
            lines[0]);
        Assert.Equal(1 + (2 * 2 * 6 * 4), lines.Length);
        Assert.Equal("0,top-down,0,0,decisiveness,280,0,20,0", lines[1]);
        Assert.All(lines.Skip(1), l => Assert.Equal(300, l.Split(',').Skip(5).Sum(int.Parse)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void SummaryCsv_MatchesTheApprovedSnapshotInAnyCulture(string culture)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            ExperimentResult result = ExperimentRunner.Run(TestScenarios.Small(horizon: 100).Spec, 2);
            var writer = new StringWriter();
            SummaryCsv.Write(writer, SummaryBuilder.Build(result));
            Snapshot.Verify("small.summary.csv", writer.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void RunManifest_MatchesTheApprovedSnapshot()
    {
        var writer = new StringWriter();
        RunManifest.Write(writer, ScenarioLoader.Parse(TestScenarios.SmallText(), "small.yaml", [ScenarioOverride.FromSet("replicates=3").Override!]));
        string text = writer.ToString().Replace(RunManifest.ToolVersion, "VERSION", StringComparison.Ordinal);
        Snapshot.Verify("small.run.json", text);
    }

    [Fact]
    public void AtomicFileSet_LeavesTargetsUntouchedAndNoTemporaryFilesWhenAWriteFails()
    {
        string dir = TestPaths.TempDirectory();
        string first = Path.Combine(dir, "a.csv"), second = Path.Combine(dir, "b.csv");
        File.WriteAllText(first, "old");
        Assert.Throws<InvalidOperationException>(() =>
        {
            using var files = new AtomicFileSet();
            files.Stage(first, w => w.Write("new"));
            files.Stage(second, w => throw new InvalidOperationException("disk full"));
            files.Commit();
        });
        Assert.Equal("old", File.ReadAllText(first));
        Assert.Equal(["a.csv"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void AtomicFileSet_ReplacesTargetsOnCommit()
    {
        string dir = TestPaths.TempDirectory();
        string target = Path.Combine(dir, "a.csv");
        File.WriteAllText(target, "old");
        using (var files = new AtomicFileSet())
        {
            files.Stage(target, w => w.Write("new"));
            files.Commit();
        }

        Assert.Equal("new", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void Claim_NeverPicksADefaultFolderThatHoldsResultsOrIsClaimed()
    {
        string root = TestPaths.TempDirectory();
        using (OutputDirectory first = Claimed(null, root))
        {
            Assert.Equal(Path.Combine(root, "q"), first.Path);

            // A second run while the first is still writing must not share its folder.
            using OutputDirectory second = Claimed(null, root);
            Assert.Equal(Path.Combine(root, "q-2"), second.Path);
            File.WriteAllText(Path.Combine(first.Path, "summary.csv"), "x");
        }

        using OutputDirectory third = Claimed(null, root);
        Assert.Equal(Path.Combine(root, "q-2"), third.Path);
    }

    [Fact]
    public void Claim_RefusesToOverwriteResultsUnlessAsked()
    {
        string dir = TestPaths.TempDirectory();
        File.WriteAllText(Path.Combine(dir, "run.json"), "{}");
        var (refused, error) = OutputDirectory.Claim(dir, "q", overwrite: false);
        Assert.Null(refused);
        Assert.Contains("already holds results (run.json)", error, StringComparison.Ordinal);
        Assert.Contains("--overwrite", error, StringComparison.Ordinal);
        using OutputDirectory allowed = Claimed(dir, null, overwrite: true);
        Assert.True(allowed.AllowOverwrite);
    }

    [Fact]
    public void Claim_RefusesAFolderAnotherRunIsWriting()
    {
        string dir = TestPaths.TempDirectory();
        using OutputDirectory first = Claimed(dir, null, overwrite: true);
        var (second, error) = OutputDirectory.Claim(dir, "q", overwrite: true);
        Assert.Null(second);
        Assert.Contains("being written by another orgsim run", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_TakesOverTheMarkerOfARunThatWasKilled()
    {
        // A marker naming a process that no longer exists (no process has id int.MaxValue): a killed run's.
        string dir = TestPaths.TempDirectory();
        File.WriteAllText(Path.Combine(dir, OutputDirectory.ClaimFile), int.MaxValue.ToString(CultureInfo.InvariantCulture) + " 638000000000000000");
        using OutputDirectory claim = Claimed(dir, null, overwrite: true);
        Assert.StartsWith(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + " ", File.ReadAllText(Path.Combine(dir, OutputDirectory.ClaimFile)), StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_TakesOverAMarkerWithThisProcessIdFromAnEarlierProcess()
    {
        // In a container every run is process 1: a marker with our id but another start time is a dead run's.
        string dir = TestPaths.TempDirectory();
        File.WriteAllText(Path.Combine(dir, OutputDirectory.ClaimFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + " 1");
        using OutputDirectory claim = Claimed(dir, null, overwrite: true);
        Assert.NotNull(claim);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Claim_RejectsAnEmptyFolderName(string requested)
    {
        var (claim, error) = OutputDirectory.Claim(requested, "q", overwrite: false);
        Assert.Null(claim);
        Assert.Contains("--out is empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_RemovesTheMarkerAndAFolderItCreatedThatStayedEmpty()
    {
        string root = TestPaths.TempDirectory();
        string kept, dropped;
        using (OutputDirectory used = Claimed(Path.Combine(root, "used"), null))
        {
            kept = used.Path;
            File.WriteAllText(Path.Combine(kept, "summary.csv"), "x");
        }

        using (OutputDirectory unused = Claimed(Path.Combine(root, "unused"), null))
        {
            dropped = unused.Path;
        }

        Assert.Equal(["summary.csv"], Directory.GetFiles(kept).Select(Path.GetFileName));
        Assert.False(Directory.Exists(dropped));
    }

    [Fact]
    public void AtomicFileSet_WithoutOverwriteRefusesATargetThatAppeared()
    {
        string dir = TestPaths.TempDirectory();
        string target = Path.Combine(dir, "a.csv");
        Assert.Throws<IOException>(() =>
        {
            using var files = new AtomicFileSet(overwrite: false);
            files.Stage(target, w => w.Write("new"));
            File.WriteAllText(target, "someone else's");
            files.Commit();
        });
        Assert.Equal("someone else's", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(dir));
    }

    private static OutputDirectory Claimed(string? requested, string? root, bool overwrite = false)
    {
        var (claim, error) = OutputDirectory.Claim(requested, "q", overwrite, root ?? "results");
        Assert.True(claim is not null, error);
        return claim!;
    }
}
