using CommandLine;

namespace OrgSim.Cli.Commands;

/// <summary>The options of <c>orgsim graph</c>.</summary>
[Verb("graph", HelpText = "Export a scenario's organisation (GraphML, GEXF, DOT, edge list) or print its statistics.")]
public sealed class GraphOptions
{
    /// <summary>The scenario file.</summary>
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "The scenario whose organisation to export, e.g. scenarios/quickstart.yaml.")]
    public string Scenario { get; set; } = string.Empty;

    /// <summary>Anything after the scenario file: refused, never ignored.</summary>
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <summary>Overrides of any key.</summary>
    [Option("set", HelpText = "Override any key as orgsim run would, e.g. --set organisation.agents=500; repeatable.")]
    public IEnumerable<string> Set { get; set; } = [];

    /// <summary>Which sweep point's organisation.</summary>
    [Option("point", HelpText = "The sweep point whose organisation to use (default 0), as numbered in summary.csv.")]
    public int Point { get; set; }

    /// <summary>The export format.</summary>
    [Option("format", HelpText = "graphml, gexf (with the spread of one run as a timeline), dot (Graphviz) or edges (CSV edge list).")]
    public string? Format { get; set; }

    /// <summary>The file to write.</summary>
    [Option("out", HelpText = "The file to write. Default: results/NAME.EXT.")]
    public string? Out { get; set; }

    /// <summary>Print statistics.</summary>
    [Option("stats", HelpText = "Print nodes, ties by type, degrees, levels, teams, clustering, components, path length and the most central agents.")]
    public bool Stats { get; set; }

    /// <summary>Which replicate's organisation.</summary>
    [Option("replicate", HelpText = "The replicate whose organisation to use (default 0); generated organisations differ by replicate.")]
    public int Replicate { get; set; }

    /// <summary>Which arm's run the GEXF timeline shows.</summary>
    [Option("arm", HelpText = "gexf: the arm whose run the timeline shows (default: the first).")]
    public string? Arm { get; set; }

    /// <summary>Allows replacing an existing file.</summary>
    [Option("overwrite", HelpText = "Replace the --out file if it exists.")]
    public bool Overwrite { get; set; }
}
