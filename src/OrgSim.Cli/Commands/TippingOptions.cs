using CommandLine;

namespace OrgSim.Cli.Commands;

/// <summary>The options of <c>orgsim tipping</c>.</summary>
[Verb("tipping", HelpText = "Find where the contrast between two arms changes sign as a key varies (bisection on common random numbers, 95% bootstrap interval); with two --vary, a grid and its zero contour.")]
public sealed class TippingOptions
{
    /// <summary>The scenario file.</summary>
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "The scenario file, e.g. scenarios/quickstart.yaml.")]
    public string Scenario { get; set; } = string.Empty;

    /// <summary>Anything after the scenario file: refused, never ignored.</summary>
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <summary>The key or keys varied.</summary>
    [Option("vary", Required = true, HelpText = "The numeric key to vary, e.g. model.relationships.report.weight or arms.bottom-up.seeding.budget; give two for a grid.")]
    public IEnumerable<string> Vary { get; set; } = [];

    /// <summary>The ends, two per key.</summary>
    [Option("between", Required = true, Min = 2, HelpText = "The two ends of the key's interval, e.g. --between 0 2; one --between per --vary, in order.")]
    public IEnumerable<string> Between { get; set; } = [];

    /// <summary>The two arms and the metric.</summary>
    [Option("contrast", Required = true, Min = 1, Max = 2, HelpText = "ARM1-ARM2 and a metric of summary.csv, e.g. --contrast bottom-up-top-down competent_share_final (the default metric).")]
    public IEnumerable<string> Contrast { get; set; } = [];

    /// <summary>Replicates per probe to begin with.</summary>
    [Option("replicates", HelpText = "Replicates per probe to begin with (default: the scenario's); doubled near the crossing until the interval is narrow enough.")]
    public int? Replicates { get; set; }

    /// <summary>The widest acceptable interval.</summary>
    [Option("tolerance", HelpText = "Stop when the 95% interval of the crossing is at most this wide, in the key's unit (default: a tenth of the interval searched).")]
    public double? Tolerance { get; set; }

    /// <summary>The run cap.</summary>
    [Option("max-runs", HelpText = "The most runs to use (default 2000); at the cap, the interval found so far is reported with a note.")]
    public long? MaxRuns { get; set; }

    /// <summary>Grid values per key.</summary>
    [Option("grid", HelpText = "Values per key of the two-key grid (default 7).")]
    public int? Grid { get; set; }

    /// <summary>Overrides of any key.</summary>
    [Option("set", HelpText = "Override any other key, e.g. --set model.transmission=0.08; repeatable.")]
    public IEnumerable<string> Set { get; set; } = [];

    /// <summary>Worker threads; never changes the result.</summary>
    [Option("threads", HelpText = "Worker threads (default: all cores). The result is identical for any value.")]
    public int? Threads { get; set; }

    /// <summary>Where to write the probes and the chart.</summary>
    [Option("out", HelpText = "A folder for tipping.csv and tipping.svg (tipping-grid.csv and tipping-grid.svg for a grid); by default nothing is written.")]
    public string? Out { get; set; }

    /// <summary>Allows replacing the files of an earlier search in <see cref="Out"/>.</summary>
    [Option("overwrite", HelpText = "Replace tipping.csv and tipping.svg (or the grid's) already in the --out folder.")]
    public bool Overwrite { get; set; }
}
