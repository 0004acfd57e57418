using CommandLine;

namespace OrgSim.Cli.Commands;

/// <summary>The options of <c>orgsim calibrate</c>.</summary>
[Verb("calibrate", HelpText = "Fit a scenario's calibration parameters to an observed survey (ABC-SMC) and write calibration.csv, posterior.csv, fitted.yaml and fit.svg; a rerun into the same --out resumes.")]
public sealed class CalibrateOptions
{
    /// <summary>The scenario file with its calibration section.</summary>
    [Value(0, MetaName = "SCENARIO.yaml", Required = true, HelpText = "The scenario file with a 'calibration:' section, e.g. scenarios/calibrate-northwind.yaml.")]
    public string Scenario { get; set; } = string.Empty;

    /// <summary>Anything after the scenario file: refused, never ignored.</summary>
    [Value(1, Hidden = true)]
    public IEnumerable<string> Extra { get; set; } = [];

    /// <summary>The observed survey.</summary>
    [Option("observed", Required = true, HelpText = "The observed survey CSV: week, competency, [level|unit], respondents and stage_0 … stage_3 or competent (docs/calibration.md).")]
    public string Observed { get; set; } = string.Empty;

    /// <summary>The output folder.</summary>
    [Option("out", HelpText = "Folder for the results. Default: results/NAME-calibration. Rerunning the same command into it resumes from the rounds it holds.")]
    public string? Out { get; set; }

    /// <summary>Overrides.</summary>
    [Option("set", HelpText = "Override any key, e.g. --set calibration.particles=200 or --set model.transmission=0.08; repeatable.")]
    public IEnumerable<string> Set { get; set; } = [];

    /// <summary>Worker threads.</summary>
    [Option("threads", HelpText = "Worker threads (default: all cores). Results are identical for any value.")]
    public int? Threads { get; set; }

    /// <summary>Whether to forecast every arm.</summary>
    [Option("forecast", HelpText = "Also run every arm of the scenario at 100 posterior particles to the horizon and write forecast.csv.")]
    public bool Forecast { get; set; }

    /// <summary>This machine's shard of each round.</summary>
    [Option("shard", HelpText = "Run only shard I of N of each round, e.g. --shard 2/3 (also taken from Slurm job arrays and Kubernetes indexed Jobs); all shards share one --out, and rerunning them goes on round by round (docs/calibration.md).")]
    public string? Shard { get; set; }

    /// <summary>The shard count for a Kubernetes indexed Job.</summary>
    [Option("shards", HelpText = "The number of shards when the index comes from JOB_COMPLETION_INDEX (or set ORGSIM_SHARD_COUNT).")]
    public int? Shards { get; set; }

    /// <summary>Whether to replace another calibration in --out.</summary>
    [Option("overwrite", HelpText = "Replace another calibration's results in the --out folder, or write into a folder holding other files.")]
    public bool Overwrite { get; set; }
}
