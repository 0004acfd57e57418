using CommandLine;

namespace OrgSim.Cli.Commands;

/// <summary>The options of <c>orgsim validate</c>.</summary>
[Verb("validate", HelpText = "Check a scenario file without running it: every problem with its line and what to fix, or a one-line summary.")]
public sealed class ValidateOptions
{
    /// <summary>The scenario file.</summary>
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "The scenario file to check, e.g. scenarios/quickstart.yaml.")]
    public string Scenario { get; set; } = string.Empty;
}
