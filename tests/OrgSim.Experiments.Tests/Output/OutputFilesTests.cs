using System.Globalization;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Report;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Tests.Output;

/// <summary>Alone, because one test changes the default culture of every thread.</summary>
[CollectionDefinition(nameof(OutputFilesTests), DisableParallelization = true)]
public sealed class OutputFilesTestsDefinition;

[Collection(nameof(OutputFilesTests))]
public class OutputFilesTests
{
    [Fact]
    public void TimeseriesCsv_HasTheDocumentedHeaderAndOneRowPerArmReplicateTickAndCompetency()
    {
        string folder = TestRuns.InFolder(TestScenarios.SmallText(replicates: 2, horizon: 5), threads: 1);
        string[] lines = File.ReadAllText(Path.Combine(folder, ResultsFolder.TimeseriesFileName)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
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
        // The default culture of every thread, the scheduler's workers included, not only this one's.
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo? savedDefault = CultureInfo.DefaultThreadCurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo(culture);
            string folder = TestRuns.InFolder(TestScenarios.SmallText(horizon: 100), threads: 2);
            Snapshot.Verify("small.summary.csv", File.ReadAllText(Path.Combine(folder, ResultsFolder.SummaryFileName)));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.DefaultThreadCurrentCulture = savedDefault;
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    public void EveryFileOfASmallRun_MatchesItsApprovedSnapshotInAnyCulture(string culture)
    {
        // Every file orgsim run writes — records, identity, tables, run.json, the org chart, every chart and
        // the report — not only the tables, so no output changes without someone looking at it.
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo? savedDefault = CultureInfo.DefaultThreadCurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo(culture);
            string text = TestScenarios.SmallText(agents: 60, replicates: 2, horizon: 8) + "\nsweep:\n  grid:\n    model.transmission: [0.02, 0.08]\n";
            string folder = TestRuns.InFolder(text, report: true);
            string scenarioFolder = Path.GetDirectoryName(TestRuns.ScenarioFile(text))!;
            var problems = new List<string>();
            foreach (string file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                string relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                string content = File.ReadAllText(file)
                    .Replace(RunManifest.ToolVersion, "VERSION", StringComparison.Ordinal)
                    .Replace(scenarioFolder.Replace('\\', '/'), "SCENARIO-FOLDER", StringComparison.Ordinal);
                problems.Add(Snapshot.Check("small-run/" + relative.Replace('/', '~'), content) ?? string.Empty);
            }

            Assert.True(problems.All(p => p.Length == 0), string.Join("\n", problems.Where(p => p.Length > 0)));
            Assert.True(problems.Count > 20, $"only {problems.Count} files were written");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.DefaultThreadCurrentCulture = savedDefault;
        }
    }

    [Fact]
    public void OrgChartJson_OfALargeOrganisationHoldsAFewGroupsOfEveryEmployee()
    {
        // 30,000 agents in teams of 6: 5,001 teams, more than are recorded one by one.
        string text = TestScenarios.SmallText(agents: 30_000, replicates: 1, horizon: 4);
        string folder = TestRuns.InFolder(text, threads: 2, report: true);
        string path = Path.Combine(folder, ResultsFolder.OrgChartFileName);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(TestRuns.InFolder(text, threads: 1), ResultsFolder.OrgChartFileName)));

        OrgChart chart = OrgChart.ReadFile(path)!;

        Assert.Equal(new OrgChartGrouping(5_001, 0), chart.Grouping);
        Assert.InRange(chart.Teams.Count, 2, TeamGroups.MaxUnits * 8);
        Assert.Equal(30_000, chart.Teams.Sum(t => t.Size));
        Assert.Equal(["top-down", "bottom-up"], chart.Arms.Select(a => a.Name));
        Assert.All(chart.Arms, a => Assert.Equal(5, a.Weeks.Count));
        Assert.InRange(new FileInfo(path).Length, 1, 64 << 10);
        Assert.Contains("5,001 teams drawn as", File.ReadAllText(Path.Combine(folder, ResultsFolder.ReportFileName)), StringComparison.Ordinal);
        Assert.Contains("Competency wheels of front-line groups of teams", File.ReadAllText(Path.Combine(folder, ResultsFolder.PlotsFolderName, "wheel-teams.svg")), StringComparison.Ordinal);
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
    public void AtomicFileSet_StagesFilesWrittenTogetherAndLeavesNoneWhenTheirWriteFails()
    {
        string dir = TestPaths.TempDirectory();
        string first = Path.Combine(dir, "a.csv"), second = Path.Combine(dir, "b.csv");
        File.WriteAllText(first, "old");
        Assert.Throws<InvalidOperationException>(() =>
        {
            using var files = new AtomicFileSet();
            files.Stage([first, second], w =>
            {
                w[0].Write("new a");
                w[1].Write("half of b");
                throw new InvalidOperationException("a damaged record");
            });
            files.Commit();
        });
        Assert.Equal("old", File.ReadAllText(first));
        Assert.Equal(["a.csv"], Directory.GetFiles(dir).Select(Path.GetFileName));

        using (var files = new AtomicFileSet())
        {
            files.Stage([first, second], w =>
            {
                w[0].Write("new a");
                w[1].Write("new b");
            });
            files.Commit();
        }

        Assert.Equal("new a", File.ReadAllText(first));
        Assert.Equal("new b", File.ReadAllText(second));
        Assert.Equal(2, Directory.GetFiles(dir).Length);
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
}
