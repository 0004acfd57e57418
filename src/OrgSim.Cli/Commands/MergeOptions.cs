using CommandLine;

namespace OrgSim.Cli.Commands;

/// <summary>The options of <c>orgsim merge</c>.</summary>
[Verb("merge", HelpText = "Combine the output folders of shards (orgsim run --shard I/N) into the files a single machine would write.")]
public sealed class MergeOptions
{
    /// <summary>The shard folders.</summary>
    [Value(0, MetaName = "DIR…", Min = 1, HelpText = "The shards' output folders, e.g. results/sweep-shard-*.")]
    public IEnumerable<string> Folders { get; set; } = [];

    /// <summary>The merged folder.</summary>
    [Option("out", Required = true, HelpText = "The folder for the merged results.")]
    public string Out { get; set; } = string.Empty;

    /// <summary>Allows replacing results already in <see cref="Out"/>.</summary>
    [Option("overwrite", HelpText = "Replace results already in the --out folder.")]
    public bool Overwrite { get; set; }
}
