using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Tests.Sensitivity;

/// <summary>A sensitivity scenario run end to end: the analysis written with the tables, the same whatever the threads or the shards.</summary>
public class SensitivityRunTests
{
    private static (RunOutcome Outcome, string Folder) Run(string text, int threads = 1, string? shard = null, string? folder = null)
    {
        folder ??= Path.Combine(TestPaths.TempDirectory(), "out");
        RunOutcome outcome = RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(TestRuns.ScenarioFile(text), []), Out = folder, Threads = threads, Shard = shard, NoReport = true, RequireSensitivity = true }, new RunListener());
        return (outcome, folder);
    }

    [Fact]
    [Trait("Category", "Slow")] // 2 × 48 runs of 150 agents and 20 weeks: about 3 s, 8 s on a loaded machine.
    public void MorrisRun_WritesTheAnalysis_InertParameterHasNoEffect_SameForAnyThreadCount()
    {
        var (outcome, folder) = Run(SensitivityScenarioTests.Morris, threads: 1);
        var (outcome2, folder2) = Run(SensitivityScenarioTests.Morris, threads: 2);

        Assert.Equal(JobStatus.Success, outcome.Status);
        var analyses = Assert.IsAssignableFrom<IReadOnlyList<Experiments.Sensitivity.OutputAnalysis>>(outcome.Sensitivity?.Analyses);
        Assert.Equal(2, analyses.Count);
        var contrast = analyses[0].Morris!;

        // The effectiveness weight changes no share: with common random numbers every run is the
        // same whatever its value, so its effects are exactly 0, not just small.
        var inert = contrast.Indices.Single(i => i.Parameter == "metrics.effectiveness.chaos_penalty");
        Assert.Equal(0, inert.MuStar);
        Assert.Equal("metrics.effectiveness.chaos_penalty", contrast.RankedByMuStar()[^1].Parameter);

        // More people trained bottom-up can only help bottom-up against top-down: every effect of the budget is ≥ 0 and some > 0.
        var budget = contrast.Indices.Single(i => i.Parameter == "arms.bottom-up.seeding.budget");
        Assert.True(budget.MuStar > 0);
        Assert.Equal(budget.MuStar, budget.Mu, 12);

        string csv = File.ReadAllText(Path.Combine(folder, ResultsFolder.SensitivityFileName));
        Assert.StartsWith(string.Join(',', SensitivityCsv.MorrisColumns) + "\n", csv, StringComparison.Ordinal);
        Assert.Equal(1 + (2 * 3), csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        string[] design = File.ReadAllLines(Path.Combine(folder, ResultsFolder.DesignFileName));
        Assert.Equal(1 + 12, design.Length);
        Assert.Equal("point,model.transmission,arms.bottom-up.seeding.budget,metrics.effectiveness.chaos_penalty,competent_share_final[bottom-up] - competent_share_final[top-down],competent_share_final[top-down]", design[0]);

        foreach (string file in new[] { ResultsFolder.SensitivityFileName, ResultsFolder.DesignFileName, ResultsFolder.SummaryFileName })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, file)), File.ReadAllBytes(Path.Combine(folder2, file)));
        }
    }

    [Fact]
    [Trait("Category", "Slow")] // 2 × 48 runs: about 3 s.
    public void ShardsMerged_GiveTheSameAnalysisAsOneRun_AndAShardAloneWritesNone()
    {
        var (_, whole) = Run(SensitivityScenarioTests.Morris);
        string root = TestPaths.TempDirectory();
        var shards = new List<string>();
        for (int i = 1; i <= 3; i++)
        {
            var (outcome, folder) = Run(SensitivityScenarioTests.Morris, shard: $"{i}/3", folder: Path.Combine(root, $"shard-{i}"));
            Assert.Equal(JobStatus.Success, outcome.Status);
            Assert.Null(outcome.Sensitivity);
            Assert.False(File.Exists(Path.Combine(folder, ResultsFolder.SensitivityFileName)));
            shards.Add(folder);
        }

        string merged = Path.Combine(root, "merged");
        JobOutcome result = MergeJob.Execute(shards, merged, overwrite: false, _ => { });
        Assert.Equal(JobStatus.Success, result.Status);
        foreach (string file in new[] { ResultsFolder.SensitivityFileName, ResultsFolder.DesignFileName })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(whole, file)), File.ReadAllText(Path.Combine(merged, file)));
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void SobolOutputTheSameEverywhere_IsSaidToBeConstant_AndTheReportIsDrawn()
    {
        // One week is too short for anyone to reach 50%: weeks_to_50pct is censored (2) at every point.
        string text = SensitivityScenarioTests.Morris
            .Replace("horizon_weeks: 20", "horizon_weeks: 1", StringComparison.Ordinal)
            .Replace("method: morris\n  trajectories: 3\n  levels: 4", "method: sobol\n  samples: 4\n  resamples: 100", StringComparison.Ordinal)
            .Replace("    - competent_share_final[top-down]\n", "    - weeks_to_50pct[top-down]\n", StringComparison.Ordinal);
        string folder = Path.Combine(TestPaths.TempDirectory(), "out");
        RunOutcome outcome = RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(TestRuns.ScenarioFile(text), []), Out = folder, Threads = 2 }, new RunListener());

        Assert.Equal(JobStatus.Success, outcome.Status);
        var constant = outcome.Sensitivity!.Analyses[1];
        Assert.True(constant.IsConstant);
        Assert.Equal("weeks_to_50pct[top-down] was the same at every design point (2.000): none of the parameters moved it within its range.", Experiments.Sensitivity.SensitivityFindings.Sentence(constant));
        string csv = File.ReadAllText(Path.Combine(folder, ResultsFolder.SensitivityFileName));
        Assert.DoesNotContain("NaN", csv, StringComparison.Ordinal);
        Assert.Contains("the same at every design point (2.000000); no parameter moved it within its range", csv, StringComparison.Ordinal);
        string report = File.ReadAllText(Path.Combine(folder, ResultsFolder.ReportFileName));
        Assert.Contains("weeks_to_50pct[top-down] was the same at every design point (2.000)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void SensitivityCommand_OnAScenarioWithoutTheSection_SaysWhatToAdd()
    {
        string text = SensitivityScenarioTests.Morris[..SensitivityScenarioTests.Morris.IndexOf("sensitivity:", StringComparison.Ordinal)];
        var (outcome, folder) = Run(text);
        Assert.Equal(JobStatus.BadInput, outcome.Status);
        Assert.Contains("has no sensitivity section, so there is nothing to analyse; add one (docs/analysis.md shows how", Assert.Single(outcome.Errors), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }
}
