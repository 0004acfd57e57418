using CommandLine;

namespace OrgSim.Cli.Commands;

/// <summary>The options of <c>orgsim run</c> (and, inherited, of <c>orgsim sensitivity</c>, which runs the same way).</summary>
[Verb("run", isDefault: false, HelpText = "Run a scenario's points, arms and replicates; write the tables, summary.csv and run.json. A rerun into the same --out resumes.")]
public class RunOptions
{
    /// <summary>The scenario file.</summary>
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "The scenario file to run, e.g. scenarios/quickstart.yaml.")]
    public string Scenario { get; set; } = string.Empty;

    /// <summary>Anything after the scenario file: refused, never ignored.</summary>
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <summary>The output folder.</summary>
    [Option("out", HelpText = "Folder for the results. Default: results/NAME (or results/NAME-2, -3, … if taken). Rerunning into the same folder resumes: finished runs are kept.")]
    public string? Out { get; set; }

    /// <summary>Overrides the scenario's seed.</summary>
    [Option("seed", HelpText = "Override the scenario seed (a whole number); the same as --set seed=N.")]
    public ulong? Seed { get; set; }

    /// <summary>Overrides the scenario's replicate count.</summary>
    [Option("replicates", HelpText = "Override the number of replicates per arm; the same as --set replicates=N.")]
    public int? Replicates { get; set; }

    /// <summary>Overrides of any key.</summary>
    [Option("set", HelpText = "Override any key, e.g. --set model.transmission=0.08 or --set arms.bottom-up.seeding.budget=80; repeatable; wins over the file, its arms and its sweep.")]
    public IEnumerable<string> Set { get; set; } = [];

    /// <summary>Runs to do alone.</summary>
    [Option("only", HelpText = "Run only these runs, e.g. --only point=3,arm=bottom-up,replicate=7 (each part optional); they give the same rows as inside the full run.")]
    public string? Only { get; set; }

    /// <summary>This machine's shard.</summary>
    [Option("shard", HelpText = "Run only shard I of N, e.g. --shard 2/3 (also taken from Slurm job arrays and Kubernetes indexed Jobs); merge the shards with 'orgsim merge'.")]
    public string? Shard { get; set; }

    /// <summary>The shard count for a Kubernetes indexed Job.</summary>
    [Option("shards", HelpText = "The number of shards when the index comes from JOB_COMPLETION_INDEX (or set ORGSIM_SHARD_COUNT).")]
    public int? Shards { get; set; }

    /// <summary>Worker threads; never changes the results.</summary>
    [Option("threads", HelpText = "Worker threads (default: all cores). Results are identical for any value.")]
    public int? Threads { get; set; }

    /// <summary>Skips the charts and the report.</summary>
    [Option("no-report", HelpText = "Write no plots/*.svg and no report.html (for big sweeps); 'orgsim plot DIR' can draw them later.")]
    public bool NoReport { get; set; }

    /// <summary>Also writes PNG copies of the charts.</summary>
    [Option("png", HelpText = "Also write PNG copies of the charts and org chart snapshots (drawn in-process, 1800 pixels wide).")]
    public bool Png { get; set; }

    /// <summary>Also writes the workshop deck.</summary>
    [Option("pptx", HelpText = "Also write workshop.pptx, slides for a workshop ('orgsim deck DIR' writes it later).")]
    public bool Pptx { get; set; }

    /// <summary>Allows replacing results already in <see cref="Out"/>.</summary>
    [Option("overwrite", HelpText = "Replace results of another scenario already in the --out folder.")]
    public bool Overwrite { get; set; }
}
