using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Benchmarks;

/// <summary>
/// A sweep of 1,000 runs of a 1,000-agent organisation over 104 weeks (5 points × 2 arms × 100
/// replicates), end to end as <c>orgsim run</c> does it: every run executed on all cores and saved
/// as a record, then the six tables assembled from the records. Target: under 20 s on 2 cores.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3, id: "Sweep")]
public class SweepBenchmarks
{
    private const string Scenario = """
        name: bench-sweep
        seed: 2026
        horizon_weeks: 104
        replicates: 100
        organisation: {agents: 1000, span: 8, cross_team_ties_per_agent: 2}
        sweep:
          grid:
            model.transmission: [0.02, 0.035, 0.05, 0.08, 0.12]
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 50}
          - name: bottom-up
            seeding: {strategy: bottom-up-teams, budget: 50}
        """;

    private RunPlan _plan = null!;
    private string _folder = string.Empty;

    /// <summary>Loads the scenario: 1,000 runs.</summary>
    [GlobalSetup]
    public void Setup() => _plan = RunPlan.For(ScenarioLoader.Parse(Scenario, "bench-sweep.yaml"), ShardSpec.All);

    /// <summary>A fresh output folder name for each iteration, so nothing is resumed.</summary>
    [IterationSetup]
    public void Folder() => _folder = Path.Combine(Path.GetTempPath(), "orgsim-bench-" + Guid.NewGuid().ToString("N"));

    /// <summary>Removes the iteration's folder.</summary>
    [IterationCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>Runs the 1,000 runs on every core through the one scheduler and assembles the tables, as <c>orgsim run --no-report</c> does.</summary>
    [Benchmark]
    public int SweepOf1000Runs()
    {
        var (folder, _, error) = ResultsFolder.ClaimForRuns(_folder, "bench-sweep", RunIdentity.Of(_plan), overwrite: false);
        using ResultsFolder claimed = folder ?? throw new InvalidOperationException(error);
        RunScheduler.Execute(_plan, claimed, Environment.ProcessorCount);
        claimed.Assemble(w => RunManifest.Write(w, _plan.Scenario));
        return (int)_plan.Count;
    }
}
