using CommandLine;

namespace OrgSim.Cli.Commands;

/// <summary>The options of <c>orgsim plot</c>.</summary>
[Verb("plot", HelpText = "Redraw plots/*.svg and report.html from the CSV files of an output folder.")]
public sealed class PlotOptions
{
    /// <summary>The output folder.</summary>
    [Value(0, MetaName = "DIR", Required = true, HelpText = "A folder written by orgsim run (or orgsim merge).")]
    public string Folder { get; set; } = string.Empty;

    /// <summary>Anything after the folder: refused, never ignored.</summary>
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <summary>The sweep point whose charts go to plots/, or null for the first.</summary>
    [Option("point", HelpText = "The sweep point whose charts to write to plots/ (default: the first), as numbered in summary.csv; report.html offers every point up to 50 in a selector.")]
    public int? Point { get; set; }

    /// <summary>Also write PNG files.</summary>
    [Option("png", HelpText = "Also write PNG copies of the charts and org chart snapshots (drawn in-process, 1800 pixels wide).")]
    public bool Png { get; set; }
}
