using CommandLine;

namespace OrgSim.Cli.Commands;

/// <summary>The options of <c>orgsim deck</c>.</summary>
[Verb("deck", HelpText = "Write workshop.pptx, slides for a workshop, from the CSV files of an output folder.")]
public sealed class DeckOptions
{
    /// <summary>The output folder.</summary>
    [Value(0, MetaName = "DIR", Required = true, HelpText = "A folder written by orgsim run (or orgsim merge).")]
    public string Folder { get; set; } = string.Empty;

    /// <summary>Anything after the folder: refused, never ignored.</summary>
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <summary>Allows replacing a workshop.pptx orgsim did not write.</summary>
    [Option("overwrite", HelpText = "Replace a workshop.pptx that orgsim did not write, or that was edited and saved since.")]
    public bool Overwrite { get; set; }
}
