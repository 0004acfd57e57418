using CommandLine;

namespace OrgSim.Cli.Commands;

/// <summary>The options of <c>orgsim validate</c>.</summary>
[Verb("validate", HelpText = "Check a scenario file, with the overrides a run would get, without running it: every problem with its line and what to fix, or a one-line summary.")]
public sealed class ValidateOptions
{
    /// <summary>The scenario file.</summary>
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "The scenario file to check, e.g. scenarios/quickstart.yaml.")]
    public string Scenario { get; set; } = string.Empty;

    /// <summary>Anything after the scenario file: refused, never ignored.</summary>
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <summary>Overrides of any key.</summary>
    [Option("set", HelpText = "Override any key as orgsim run would, e.g. --set model.transmission=0.08; repeatable.")]
    public IEnumerable<string> Set { get; set; } = [];

    /// <summary>Overrides the scenario's seed.</summary>
    [Option("seed", HelpText = "Override the scenario seed, as orgsim run would.")]
    public ulong? Seed { get; set; }

    /// <summary>Overrides the scenario's replicate count.</summary>
    [Option("replicates", HelpText = "Override the number of replicates, as orgsim run would.")]
    public int? Replicates { get; set; }
}
