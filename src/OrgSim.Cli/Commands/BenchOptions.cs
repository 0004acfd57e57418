using CommandLine;
using CommandLine.Text;

namespace OrgSim.Cli.Commands;

/// <summary>The options of <c>orgsim bench</c>.</summary>
[Verb("bench", HelpText = "Measure this machine: build a network, warm up, then time ticks at early, mid and late spread; print ms per tick, edge visits per second, bytes per agent and per edge, and the machine. Writes no file.")]
public sealed class BenchOptions
{
    /// <summary>Agents in the network.</summary>
    [Option("agents", HelpText = "Agents in the network, from 1,000 to 50,000,000 (the hierarchy: up to 20,000,000). Default 1000000.")]
    public int? Agents { get; set; }

    /// <summary>The model.</summary>
    [Option("model", HelpText = "full (the default model: learning through the four stages) or classic (the synchronous fractional-threshold model, threshold 0.18, no learning). Default full.")]
    public string? Model { get; set; }

    /// <summary>The network.</summary>
    [Option("network", HelpText = "hierarchy (the benchmarks' organisation: span 8, 2 cross-team ties per agent, about 11 directed edges per agent) or erdos-renyi. Default hierarchy.")]
    public string? Network { get; set; }

    /// <summary>The mean degree of an Erdős–Rényi network.</summary>
    [Option("degree", HelpText = "Mean degree of --network erdos-renyi, above 0 and below --agents (default 10); the hierarchy takes none.")]
    public double? Degree { get; set; }

    /// <summary>Worker threads for a tick.</summary>
    [Option("threads", HelpText = "Worker threads for a tick, 1 to 256 (default: all cores).")]
    public int? Threads { get; set; }

    /// <summary>Prints one JSON object.</summary>
    [Option("json", HelpText = "Print one JSON object (agents, edges, threads, ms_per_tick {early, mid, late}, edge_visits_per_second, bytes_per_agent, bytes_per_edge, machine, …) and nothing else on standard output; progress goes to standard error.")]
    public bool Json { get; set; }

    /// <summary>What the help shows under USAGE: what the command measures, and how the phases are found.</summary>
    [Usage(ApplicationAlias = "orgsim")]
    public static IEnumerable<Example> Examples { get; } =
    [
        new("Time the default model on a 1,000,000-agent hierarchy, stepping one simulation until the spread ends (at most 520 weeks). "
            + "Early spread starts at week 1, after seeding 5% of the agents; mid spread at the first week that starts with half of what the spread added; late spread at the first that starts with nine tenths. "
            + "Each phase gives the median of 5 ticks: its first 5 weeks, or, when the spread is too short for that, its one week in 5 runs from the seeds. A warm-up on a small throwaway network comes first", new BenchOptions()),
        new("The classic threshold model on an Erdős–Rényi network of mean degree 10, as one JSON object for a script", new BenchOptions { Model = "classic", Network = "erdos-renyi", Json = true }),
    ];

    /// <summary>Anything else: refused, never ignored.</summary>
    [Value(0, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];
}
