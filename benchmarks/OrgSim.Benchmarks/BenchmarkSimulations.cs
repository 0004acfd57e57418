using System.Globalization;
using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;

namespace OrgSim.Benchmarks;

/// <summary>The organisation and simulation every benchmark measures, built one way.</summary>
internal static class BenchmarkSimulations
{
    /// <summary>A scenario of the quickstart's size (1,000 agents, 104 weeks, 2 arms × 20 replicates) named <paramref name="name"/>, for the benchmarks of what comes after the runs.</summary>
    public static string QuickstartSized(string name) => $$"""
        name: {{name}}
        seed: 2026
        horizon_weeks: 104
        replicates: 20
        organisation: {agents: 1000, span: 8, cross_team_ties_per_agent: 2}
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 50}
          - name: bottom-up
            seeding: {strategy: bottom-up-teams, budget: 50}
        """;

    /// <summary>The benchmark organisation: span 8, two cross-team ties per agent, seed 42 (11 directed edges per agent).</summary>
    public static HierarchyOptions Organisation(int agents) => new() { Agents = agents, Span = 8, CrossTeamTiesPerAgent = 2 };

    /// <summary>A simulation with default parameters and 5% of agents seeded at random at stage 2 in all four competencies.</summary>
    public static Simulation CreateSeeded(int agents, int threads) => CreateSeeded(agents, threads, new ModelParameters());

    /// <summary><see cref="CreateSeeded(int, int)"/> with <paramref name="parameters"/>.</summary>
    public static Simulation CreateSeeded(int agents, int threads, ModelParameters parameters)
    {
        OrgGraph graph = HierarchyGenerator.Generate(Organisation(agents), seed: 42);
        var simulation = new Simulation(graph, parameters, seed: 42, threads: threads);
        int[] seeds = SeedSelector.Select(graph, SeedingStrategy.Random, budget: agents / 20, seed: 42);
        simulation.Seed(seeds, CompetencySet.All, Stage.ConsciousCompetence);
        return simulation;
    }

    /// <summary>A seeded simulation stepped <paramref name="weeks"/> weeks, reported under <paramref name="label"/>.</summary>
    public static Simulation CreateWarmed(int agents, int threads, int weeks, string label) => CreateWarmed(agents, threads, weeks, label, new ModelParameters());

    /// <summary><see cref="CreateWarmed(int, int, int, string)"/> with <paramref name="parameters"/>.</summary>
    public static Simulation CreateWarmed(int agents, int threads, int weeks, string label, ModelParameters parameters)
    {
        Simulation simulation = CreateSeeded(agents, threads, parameters);
        for (int t = 0; t < weeks; t++)
        {
            simulation.Step();
        }

        Report(label, simulation);
        return simulation;
    }

    /// <summary>Reports where the measured ticks left <paramref name="simulation"/>, then stops its workers.</summary>
    public static void Finish(string label, ref Simulation? simulation)
    {
        if (simulation is null)
        {
            return;
        }

        Report(label, simulation);
        simulation.Dispose();
        simulation = null;
    }

    /// <summary>Prints a <c>// OrgSim</c> log line with the simulation's week and stage shares.</summary>
    public static void Report(string label, Simulation simulation) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// OrgSim {label}: agents={simulation.Graph.NodeCount} edges={simulation.Graph.EdgeCount} {StageShares.Describe(simulation)}"));
}
