using CommandLine;

namespace OrgSim.Cli.Commands;

/// <summary>The options of <c>orgsim init</c>.</summary>
[Verb("init", HelpText = "Write a commented starter scenario (top-down versus bottom-up at equal budget) that runs as it is.")]
public sealed class InitOptions
{
    /// <summary>The file to write.</summary>
    [Option("out", HelpText = "The scenario file to write. Default: scenario.yaml in the current folder.")]
    public string? Out { get; set; }

    /// <summary>Anything that is not an option: refused, never ignored.</summary>
    [Value(0, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <summary>Allows replacing an existing file.</summary>
    [Option("overwrite", HelpText = "Replace the --out file if it exists.")]
    public bool Overwrite { get; set; }
}
