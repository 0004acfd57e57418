using OrgSim.Core.Graph;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Reporting;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Running;

/// <summary>
/// Executes a <see cref="RunPlan"/>: every planned run without a record in the runs folder is run
/// and its record written as soon as it finishes. Runs of one point and replicate share one
/// organisation; small organisations run several such groups at once, one thread each; large ones
/// run one group at a time with the tick split across threads. The results do not depend on the
/// order or the thread count, because every run's seeds come from its coordinates.
/// </summary>
public static class SweepExecutor
{
    /// <summary>The planned runs that have no record yet in <paramref name="runsFolder"/>.</summary>
    public static IReadOnlyList<RunCoordinates> Pending(RunPlan plan, string runsFolder)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Runs.Where(r => !RunRecord.Exists(runsFolder, r)).ToList();
    }

    /// <summary>Runs <paramref name="pending"/> and writes their records; <paramref name="onRunDone"/> is called (from any thread) after each.</summary>
    public static void Execute(RunPlan plan, IReadOnlyList<RunCoordinates> pending, string runsFolder, int threads, Action? onRunDone, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        LoadedScenario scenario = plan.Scenario;
        RunIdentity identity = RunIdentity.Of(plan);
        bool parallelTicks = scenario.PointsOrBase.Max(p => p.Spec.Organisation.TotalAgents) >= ExperimentRunner.ParallelTickThreshold;
        var groups = pending.GroupBy(r => (r.Point, r.Replicate)).Select(g => g.OrderBy(r => r.Arm).ToList()).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelTicks ? 1 : threads, CancellationToken = cancellation };
        Parallel.ForEach(groups, options, group =>
        {
            ScenarioSpec spec = scenario.PointsOrBase[group[0].Point].Spec;
            OrgGraph graph = OrganisationFactory.Build(spec.Organisation, RunSeeds.Organisation(spec.Seed, group[0].Replicate));
            foreach (RunCoordinates at in group)
            {
                cancellation.ThrowIfCancellationRequested();
                ArmSpec arm = spec.Arms[at.Arm];
                // The report's org chart shows one run per arm: point 0, replicate 0.
                OrgChartRecorder? chart = at is { Point: 0, Replicate: 0 } ? new OrgChartRecorder(graph) : null;
                RunResult result = ExperimentRunner.RunOne(spec, arm, graph, at.Replicate, parallelTicks ? threads : 1, chart is null ? null : chart.Record);
                if (chart is not null)
                {
                    OrgChartFiles.WriteArm(runsFolder, at.Arm, arm.Name, chart);
                }

                RunRecord.Write(runsFolder, at, ResultAssembler.Prefix(identity, at), result, RunMetrics.Of(result, arm.SeededCompetencies, spec.HorizonWeeks));
                onRunDone?.Invoke();
            }
        });
    }
}
