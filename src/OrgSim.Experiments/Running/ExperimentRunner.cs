using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Metrics;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Running;

/// <summary>
/// Runs every arm and replicate of a scenario. Small organisations run several replicates at
/// once, one thread each; large ones run one at a time with the tick split across threads.
/// Either way the results are identical for any thread count, because every run's seeds come
/// from its coordinates and the engine is deterministic.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>From this many agents on, threads split a tick rather than take whole runs.</summary>
    public const int ParallelTickThreshold = 50_000;

    /// <summary>
    /// Checks what the parser cannot: first that the scenario fits in memory
    /// (<see cref="ScenarioLimits"/>), then, against a generated organisation, that every arm's
    /// budget fits the agents its strategy can choose. Which agents are front line does not depend
    /// on the seed (random networks are flat: everyone is), so replicate 0's organisation answers for all.
    /// </summary>
    public static IReadOnlyList<ScenarioError> Preflight(LoadedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (ScenarioLimits.Check(scenario) is { Count: > 0 } tooLarge)
        {
            return tooLarge;
        }

        ScenarioSpec spec = scenario.Spec;
        OrgGraph graph = OrganisationFactory.Build(spec.Organisation, RunSeeds.Organisation(spec.Seed, 0));
        var errors = new List<ScenarioError>();
        for (int i = 0; i < spec.Arms.Count; i++)
        {
            for (int w = 0; w < spec.Arms[i].Waves.Count; w++)
            {
                SeedingPlan plan = spec.Arms[i].Waves[w];
                string path = spec.Arms[i].Waves.Count == 1 && !scenario.Locations.ContainsKey($"arms[{i}].seeding[0]") ? $"arms[{i}].seeding" : $"arms[{i}].seeding[{w}]";
                int eligible = SeedSelector.EligibleCount(graph, plan.Strategy);
                if (eligible == 0)
                {
                    errors.Add(scenario.ErrorAt(
                        $"{path}.strategy",
                        $"{path}.strategy {ScenarioNames.Name(plan.Strategy)} has no agent to choose from in this organisation ({NobodyBecause(plan.Strategy)}); {NobodyFix(plan.Strategy)}"));
                }
                else if (plan.Budget > eligible)
                {
                    errors.Add(scenario.ErrorAt(
                        $"{path}.budget",
                        $"{path}.budget is {plan.Budget}, but strategy {ScenarioNames.Name(plan.Strategy)} can choose from only {eligible} agents in this organisation; lower the budget to at most {eligible}"));
                }
            }
        }

        return errors;
    }

    private static string NobodyBecause(SeedingStrategy strategy) => strategy switch
    {
        SeedingStrategy.BottomUpScattered or SeedingStrategy.BottomUpTeams => "no front-line agents, or no team of front-line agents only",
        SeedingStrategy.MiddleOut => "no managers below the executive levels",
        SeedingStrategy.Mentors => "no mentoring pods",
        SeedingStrategy.Coaches => "no coaches",
        _ => "no employees",
    };

    private static string NobodyFix(SeedingStrategy strategy) => strategy switch
    {
        SeedingStrategy.Mentors => "add organisation.overlays.mentoring, or choose another strategy",
        SeedingStrategy.Coaches => "add organisation.overlays.coaches or a life_coach under mentoring, or choose another strategy",
        _ => "use more agents, fewer organisation.executive_levels, or another strategy",
    };

    /// <summary>Runs <paramref name="spec"/>; <paramref name="onRunDone"/> is called (from any thread) after each run.</summary>
    public static ExperimentResult Run(ScenarioSpec spec, int threads, Action? onRunDone = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var runs = new RunResult[spec.Arms.Count * spec.Replicates];
        bool parallelTicks = spec.Organisation.Agents >= ParallelTickThreshold;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = parallelTicks ? 1 : threads,
            CancellationToken = cancellation,
        };
        Parallel.For(0, spec.Replicates, options, replicate =>
        {
            OrgGraph graph = OrganisationFactory.Build(spec.Organisation, RunSeeds.Organisation(spec.Seed, replicate));
            for (int a = 0; a < spec.Arms.Count; a++)
            {
                cancellation.ThrowIfCancellationRequested();
                runs[(a * spec.Replicates) + replicate] = RunOne(spec, spec.Arms[a], graph, replicate, parallelTicks ? threads : 1);
                onRunDone?.Invoke();
            }
        });
        return new ExperimentResult(spec, runs);
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
    public static RunResult RunOne(ScenarioSpec spec, ArmSpec arm, OrgGraph graph, int replicate, int threads, Action<int, AgentState>? onTick = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(arm);
        ulong dynamicsSeed = RunSeeds.Dynamics(spec.Seed, replicate);
        ulong seedingSeed = RunSeeds.Seeding(spec.Seed, replicate);
        foreach (SeedingPlan wave in arm.Waves)
        {
            // Preflight checks replicate 0; drawn spans and pods can leave another replicate with fewer to choose from.
            int eligible = SeedSelector.EligibleCount(graph, wave.Strategy);
            if (wave.Budget > eligible)
            {
                throw new RunFailureException($"arm {arm.Name}: the seeding budget {wave.Budget} is more than the {eligible} agents strategy {ScenarioNames.Name(wave.Strategy)} can choose from in replicate {replicate}'s organisation; lower the budget, or give it as a share");
            }
        }

        int[][] waveSeeds = arm.Waves.Select(w => SeedSelector.Select(graph, w.Strategy, w.Budget, seedingSeed)).ToArray();
        using var simulation = new Simulation(graph, arm.Model, dynamicsSeed, threads);
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
            outcomes.Record(simulation.State);
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
