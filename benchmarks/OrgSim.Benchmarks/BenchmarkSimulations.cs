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
    /// <summary>The benchmark organisation: span 8, two cross-team ties per agent, seed 42 (11 directed edges per agent).</summary>
    public static HierarchyOptions Organisation(int agents) => new() { Agents = agents, Span = 8, CrossTeamTiesPerAgent = 2 };

    /// <summary>A simulation with default parameters and 5% of agents seeded at random at stage 2 in all four competencies.</summary>
    public static Simulation CreateSeeded(int agents, int threads)
    {
        OrgGraph graph = HierarchyGenerator.Generate(Organisation(agents), seed: 42);
        var simulation = new Simulation(graph, new ModelParameters(), seed: 42, threads: threads);
        int[] seeds = SeedSelector.Select(graph, SeedingStrategy.Random, budget: agents / 20, seed: 42);
        simulation.Seed(seeds, CompetencySet.All, Stage.ConsciousCompetence);
        return simulation;
    }

    /// <summary>Prints a <c>// OrgSim</c> log line with the simulation's week and stage shares.</summary>
    public static void Report(string label, Simulation simulation) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// OrgSim {label}: agents={simulation.Graph.NodeCount} edges={simulation.Graph.EdgeCount} {StageShares.Describe(simulation)}"));
}
