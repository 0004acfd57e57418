using YamlDotNet.Core;

namespace OrgSim.Experiments.Scenarios;

/// <summary>What parsing one scenario file accumulates: its errors and where each value was written.</summary>
internal sealed class ParseContext(string file)
{
    private readonly Dictionary<string, Mark> _locations = new(StringComparer.Ordinal);

    public string File { get; } = file;

    /// <summary>
    /// The folder data files (an HR export, an edge list) are relative to, as the user would reach it:
    /// the scenario file's, or for a <c>run.json</c> the folder of the scenario it was run from.
    /// </summary>
    public string DataFolder { get; init; } = Path.GetDirectoryName(file) ?? string.Empty;

    /// <summary>Where data files are looked for, in words, for a file that is not found.</summary>
    public string DataFolderHint { get; init; } = "paths are relative to the scenario file";

    public List<ScenarioError> Errors { get; } = [];

    /// <summary>
    /// The key paths read as whole numbers (<c>arms[0].seeding.budget</c>), present or not: a
    /// sensitivity design rounds its values for these keys.
    /// </summary>
    public HashSet<string> WholeNumberPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>Problems the run can go on with (an import's warnings), one line each.</summary>
    public List<string> Warnings { get; } = [];

    public void Error(Mark at, string message) =>
        Errors.Add(new ScenarioError(File, (int)at.Line, (int)at.Column, message));

    public void Remember(string path, Mark at) => _locations[path] = at;

    /// <summary>Where <paramref name="path"/> (or, failing that, its nearest written parent) was written.</summary>
    public Mark Locate(string path)
    {
        for (string p = path; p.Length > 0; p = Parent(p))
        {
            if (_locations.TryGetValue(p, out Mark mark))
            {
                return mark;
            }
        }

        return Mark.Empty;
    }

    public IReadOnlyDictionary<string, (int Line, int Column)> Locations() =>
        _locations.ToDictionary(kv => kv.Key, kv => ((int)kv.Value.Line, (int)kv.Value.Column), StringComparer.Ordinal);

    private static string Parent(string path)
    {
        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }
}
