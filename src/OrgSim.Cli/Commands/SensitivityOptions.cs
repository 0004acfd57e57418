using CommandLine;

namespace OrgSim.Cli.Commands;

/// <summary>
/// The options of <c>orgsim sensitivity</c>: those of <c>orgsim run</c>, since a sensitivity analysis
/// is a run of its design's points (resumed, sharded and merged the same way) followed by its analysis.
/// </summary>
[Verb("sensitivity", isDefault: false, HelpText = "Run a scenario's sensitivity design (its 'sensitivity:' section) and write sensitivity.csv, design.csv and the tables; shards, resumes and merges like 'orgsim run'.")]
public sealed class SensitivityOptions : RunOptions
{
}
