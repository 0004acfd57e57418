using CommandLine;

namespace OrgSim.Cli.Commands;

/// <summary>The options of <c>orgsim run</c>.</summary>
[Verb("run", isDefault: false, HelpText = "Run a scenario's arms and replicates; write timeseries.csv, summary.csv and run.json.")]
public sealed class RunOptions
{
    /// <summary>The scenario file.</summary>
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "The scenario file to run, e.g. scenarios/quickstart.yaml.")]
    public string Scenario { get; set; } = string.Empty;

    /// <summary>The output folder.</summary>
    [Option("out", HelpText = "Folder for the results. Default: results/NAME (or results/NAME-2, -3, … if taken).")]
    public string? Out { get; set; }

    /// <summary>Overrides the scenario's seed.</summary>
    [Option("seed", HelpText = "Override the scenario seed (a whole number).")]
    public ulong? Seed { get; set; }

    /// <summary>Overrides the scenario's replicate count.</summary>
    [Option("replicates", HelpText = "Override the number of replicates per arm.")]
    public int? Replicates { get; set; }

    /// <summary>Worker threads; never changes the results.</summary>
    [Option("threads", HelpText = "Worker threads (default: all cores). Results are identical for any value.")]
    public int? Threads { get; set; }

    /// <summary>Allows replacing results already in <see cref="Out"/>.</summary>
    [Option("overwrite", HelpText = "Replace results already in the --out folder.")]
    public bool Overwrite { get; set; }
}
