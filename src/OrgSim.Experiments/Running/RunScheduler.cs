using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Metrics;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Report;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Running;

/// <summary>
/// The one scheduler every run goes through — <c>orgsim run</c>, the tests and the benchmarks:
/// executes the runs of a <see cref="RunPlan"/> that its <see cref="IRunStore"/> does not hold
/// yet, and hands each to the store as soon as it finishes. Runs of one point and replicate share
/// one organisation (and, by default, so do the points of a replicate); small organisations run several such groups at once, one thread each; large
/// ones run one group at a time with the tick split across threads. The results do not depend on
/// the order or the thread count, because every run's seeds come from its coordinates and the
/// engine is deterministic.
/// </summary>
public static class RunScheduler
{
    /// <summary>From this many agents on, threads split a tick rather than take whole runs.</summary>
    public const int ParallelTickThreshold = 50_000;

    /// <summary>The planned runs that <paramref name="store"/> does not hold yet, in canonical order, enumerated as they are read.</summary>
    public static IEnumerable<RunCoordinates> Pending(RunPlan plan, IRunStore store)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(store);
        return plan.Runs.Where(r => !store.Contains(r));
    }

    /// <summary>
    /// Runs every planned run that <paramref name="store"/> does not hold and saves it there;
    /// <paramref name="onRunDone"/> is called (from any thread) after each.
    /// </summary>
    /// <param name="plan">The runs.</param>
    /// <param name="store">Where finished runs are, and go.</param>
    /// <param name="threads">Threads, for whole runs or for each tick of a large organisation; the results do not depend on it.</param>
    /// <param name="onRunDone">Called after each run.</param>
    /// <param name="organisations">An organisation the preflight generated, taken by the first group that runs on it; empty when this returns.</param>
    /// <param name="cancellation">Stops the runs within a week of the run in progress.</param>
    /// <exception cref="OperationCanceledException">Cancelled; the runs saved so far stay in the store.</exception>
    /// <exception cref="RunFailureException">A replicate's organisation cannot hold an arm's budget.</exception>
    public static void Execute(RunPlan plan, IRunStore store, int threads, Action? onRunDone = null, OrganisationCache? organisations = null, CancellationToken cancellation = default) =>
        Execute(plan, store, threads, onRunDone, organisations, null, cancellation);

    /// <summary>
    /// <see cref="Execute(RunPlan, IRunStore, int, Action?, OrganisationCache?, CancellationToken)"/>, with
    /// each run watched by the tick callback <paramref name="observe"/> gives for it.
    /// </summary>
    /// <param name="plan">The runs.</param>
    /// <param name="store">Where finished runs are, and go.</param>
    /// <param name="threads">Threads; the results do not depend on it.</param>
    /// <param name="observe">For each run, a tick callback to watch it with (calibration reads the survey shares so), or null; called on the run's worker thread.</param>
    /// <param name="cancellation">Stops the runs within a week of the run in progress.</param>
    public static void ExecuteObserved(RunPlan plan, IRunStore store, int threads, Func<RunCoordinates, OrgGraph, Action<int, AgentState>?> observe, CancellationToken cancellation = default) =>
        Execute(plan, store, threads, null, null, observe, cancellation);

    private static void Execute(RunPlan plan, IRunStore store, int threads, Action? onRunDone, OrganisationCache? organisations, Func<RunCoordinates, OrgGraph, Action<int, AgentState>?>? observe, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        LoadedScenario scenario = plan.Scenario;
        bool parallelTicks = scenario.PointsOrBase.Max(p => p.Spec.Organisation.TotalAgents) >= ParallelTickThreshold;
        // Groups are enumerated as the workers take them, one at a time: a plan of millions of runs is never held.
        var groups = System.Collections.Concurrent.Partitioner.Create(
            plan.Groups().Select(g => g.Where(r => !store.Contains(r)).ToList()).Where(g => g.Count > 0),
            System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelTicks ? 1 : threads, CancellationToken = cancellation };
        try
        {
            Parallel.ForEach(groups, options, group =>
            {
                ScenarioSpec spec = scenario.PointsOrBase[group[0].Point].Spec;
                ulong organisationSeed = RunSeeds.Organisation(spec, group[0].Point, group[0].Replicate);
                OrgGraph graph = organisations?.Take(spec.Organisation, organisationSeed, cancellation) ?? OrganisationFactory.Build(spec.Organisation, organisationSeed, cancellation);
                foreach (RunCoordinates at in group)
                {
                    cancellation.ThrowIfCancellationRequested();
                    ArmSpec arm = spec.Arms[at.Arm];
                    // The report's org chart shows one run per arm: point 0, replicate 0.
                    OrgChartRecorder? chart = at is { Point: 0, Replicate: 0 } ? new OrgChartRecorder(graph) : null;
                    Action<int, AgentState>? onTick = chart is null ? null : chart.Record;
                    if (observe?.Invoke(at, graph) is { } observer)
                    {
                        onTick = onTick is null ? observer : onTick + observer;
                    }

                    RunResult result = RunOne(spec, arm, graph, at.Replicate, parallelTicks ? threads : 1, onTick, cancellation: cancellation);
                    if (chart is not null)
                    {
                        store.SaveOrgChart(at.Arm, arm.Name, chart);
                    }

                    store.Save(at, result, RunMetrics.Of(result, arm.SeededCompetencies, spec.HorizonWeeks));
                    onRunDone?.Invoke();
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<RunFailureException>().FirstOrDefault() is { } failure)
        {
            throw failure; // One line for the user, not the parallel loop's wrapper.
        }
        finally
        {
            organisations?.Release(); // No group took it (a resume, a shard): it must not outlive the runs.
        }

        if (parallelTicks)
        {
            // The last organisation and simulation are garbage now; the tables and the report that
            // usually follow allocate a lot, and would otherwise start with them still in memory.
            GC.Collect();
        }
    }

    /// <summary>Runs one arm on one replicate's organisation.</summary>
    /// <remarks>
    /// Every wave draws its agents with the same seed, so waves with the same strategy and budget
    /// train the same people — a cohort taught one competency after another.
    /// </remarks>
    /// <param name="spec">The scenario.</param>
    /// <param name="arm">The arm.</param>
    /// <param name="graph">The replicate's organisation.</param>
    /// <param name="replicate">The replicate.</param>
    /// <param name="threads">Threads for each tick; the results do not depend on it.</param>
    /// <param name="onTick">Called with each recorded tick and the agents' state then, e.g. to log every stage change for an export.</param>
    /// <param name="path">Whether the classic kernel may step the weeks; the results do not depend on it.</param>
    /// <param name="cancellation">
    /// Checked every week: a long run (10^5 agents over hundreds of weeks takes minutes) must stop
    /// within the 30 s that Slurm and Kubernetes wait between SIGTERM and SIGKILL.
    /// </param>
    /// <exception cref="OperationCanceledException">Cancelled; nothing of the run is kept.</exception>
    public static RunResult RunOne(ScenarioSpec spec, ArmSpec arm, OrgGraph graph, int replicate, int threads, Action<int, AgentState>? onTick = null, EnginePath path = EnginePath.Automatic, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(arm);
        ulong dynamicsSeed = RunSeeds.Dynamics(spec.Seed, replicate);
        ulong seedingSeed = RunSeeds.Seeding(spec.Seed, replicate);
        foreach (SeedingPlan wave in arm.Waves)
        {
            // Preflight checks replicate 0; drawn spans and pods can leave another replicate with fewer to choose from.
            int eligible = SeedSelector.EligibleCount(graph, wave.Strategy);
            if (wave.Strategy == SeedingStrategy.Neighbourhood && wave.Centre >= graph.NodeCount)
            {
                throw new RunFailureException($"arm {arm.Name}: the neighbourhood's centre {wave.Centre} is not an agent of replicate {replicate}'s organisation of {graph.NodeCount}; choose a lower centre");
            }

            if (wave.Budget > eligible)
            {
                throw new RunFailureException($"arm {arm.Name}: the seeding budget {wave.Budget} is more than the {eligible} agents strategy {ScenarioNames.Name(wave.Strategy)} can choose from in replicate {replicate}'s organisation; lower the budget, or give it as a share");
            }
        }

        int[][] waveSeeds = arm.Waves.Select(w => SeedSelector.Select(graph, w, seedingSeed)).ToArray();
        using var simulation = new Simulation(graph, arm.Model, dynamicsSeed, threads, path);
        if (arm.Model.Threshold.Kind == Core.Model.ThresholdKind.Column && arm.Model.Adoption is Core.Model.AdoptionRule.FractionalThreshold or Core.Model.AdoptionRule.AbsoluteThreshold)
        {
            simulation.SetThresholds(Import.AgentAttributes.Thresholds(spec.Organisation, graph, arm.Model));
        }

        // External coaches are agents of the simulation but not of the organisation's outcomes.
        int[] externals = Enumerable.Range(0, graph.NodeCount).Where(v => graph.Role(v) == Role.External).ToArray();
        var series = new StageSeries(graph.NodeCount - externals.Length, spec.HorizonWeeks);
        var employeeCounts = new int[Competencies.Count * Stages.Count];
        var outcomes = new OutcomeSeries(graph, waveSeeds.SelectMany(s => s).Distinct().ToArray(), spec.Metrics.Effectiveness, spec.HorizonWeeks);
        Retention? retention = null;
        double? retained = null;
        int retentionWeek = arm.EndWeek + spec.Metrics.RetentionWeeks;
        int? quiescence = null;
        for (int t = 0; t <= spec.HorizonWeeks; t++)
        {
            cancellation.ThrowIfCancellationRequested();
            // After a stop at quiescence the state stands still, so later weeks repeat it.
            // Quiescence counts only after the last wave, so a run never stops while training is still to come.
            if (t > 0 && !(spec.StopAtQuiescence && quiescence is not null))
            {
                simulation.Step();
                if (quiescence is null && t > arm.EndWeek && simulation.AgentsChangedLastStep == 0)
                {
                    quiescence = t;
                }
            }

            for (int w = 0; w < arm.Waves.Count; w++)
            {
                if (arm.Waves[w].Week == t)
                {
                    simulation.Seed(waveSeeds[w], arm.Waves[w].Competencies, arm.Waves[w].Stage);
                    outcomes.Cohort.Train(waveSeeds[w], arm.Waves[w].Competencies, t);
                }
            }

            if (t == arm.EndWeek)
            {
                retention = new Retention(simulation.State);
            }

            if (t == retentionWeek && retention is not null)
            {
                retained = retention.Retained(simulation.State);
            }

            series.Record(EmployeeCounts(simulation, externals, employeeCounts));
            outcomes.Record(simulation);
            onTick?.Invoke(t, simulation.State);
        }

        return new RunResult(arm.Name, replicate, dynamicsSeed, series, quiescence) { Outcomes = outcomes, Retained = retained };
    }

    /// <summary>The stage counts without the external agents: the simulation's counts, less theirs.</summary>
    private static ReadOnlySpan<int> EmployeeCounts(Simulation simulation, int[] externals, int[] buffer)
    {
        if (externals.Length == 0)
        {
            return simulation.StageCounts;
        }

        simulation.StageCounts.CopyTo(buffer);
        foreach (int v in externals)
        {
            foreach (Competency c in Competencies.All)
            {
                buffer[((int)c * Stages.Count) + (int)simulation.State.GetStage(v, c)]--;
            }
        }

        return buffer;
    }
}
