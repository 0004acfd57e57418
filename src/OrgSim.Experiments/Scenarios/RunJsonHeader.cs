using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// The provenance keys of a <c>run.json</c>: which scenario file and overrides made it, and its sweep
/// as points of values, each point naming only the keys it did not leave at the base.
/// </summary>
/// <param name="Version">The orgsim version that wrote it.</param>
/// <param name="ScenarioPath">The scenario file as the run was given it.</param>
/// <param name="ScenarioSha256">The SHA-256 of the scenario file's bytes.</param>
/// <param name="Overrides">The command-line overrides the run had; already in the values, so only recorded.</param>
/// <param name="Question">The scenario's question: its <c>question</c> key, else its opening comment.</param>
/// <param name="Parameters">The swept key paths.</param>
/// <param name="Points">Each point's values, or null without a sweep.</param>
internal sealed record RunJsonHeader(
    string Version,
    string ScenarioPath,
    string ScenarioSha256,
    IReadOnlyList<ScenarioOverride> Overrides,
    string Question,
    IReadOnlyList<string> Parameters,
    List<List<ScenarioOverride>>? Points)
{
    /// <summary>Reads the header of <paramref name="root"/>, reporting each missing or malformed key to <paramref name="error"/>.</summary>
    public static RunJsonHeader Read(YamlMappingNode root, Action<YamlNode, string> error)
    {
        string Required(YamlMappingNode mapping, string key, string path)
        {
            if (Get(mapping, key) is YamlScalarNode { Value: { } value })
            {
                return value;
            }

            error(mapping, $"{path} is missing or not a text; this run.json is damaged, so rerun the scenario file instead");
            return string.Empty;
        }

        string version = Get(root, "version") is YamlScalarNode { Value: { } v } ? v : "unknown";
        string path = string.Empty, sha256 = string.Empty;
        if (Get(root, "scenario_file") is YamlMappingNode file)
        {
            path = Required(file, "path", "scenario_file.path");
            sha256 = Required(file, "sha256", "scenario_file.sha256");
        }
        else
        {
            error(root, "scenario_file is missing; this run.json is damaged, so rerun the scenario file instead");
        }

        var overrides = new List<ScenarioOverride>();
        foreach (YamlNode item in Strings(root, "overrides", error))
        {
            var (set, problem) = ScenarioOverride.FromSet(((YamlScalarNode)item).Value ?? string.Empty);
            if (set is null)
            {
                error(item, $"overrides: {problem}");
            }
            else
            {
                overrides.Add(set);
            }
        }

        string question = Get(root, "question") is YamlScalarNode { Value: { } q } ? q : string.Empty;
        List<string> parameters = [];
        List<List<ScenarioOverride>>? points = null;
        if (Get(root, "sweep") is YamlMappingNode sweep)
        {
            parameters = Strings(sweep, "parameters", error).Select(n => ((YamlScalarNode)n).Value ?? string.Empty).ToList();
            points = parameters.Count == 0 ? null : ReadPoints(sweep, parameters, error);
        }

        return new RunJsonHeader(version, path, sha256, overrides, question, parameters, points);
    }

    /// <summary>
    /// Each point's values of the keys it named: the keys a point left at the base (its
    /// <c>left_at_base</c>) are not applied again, so an arm's own value of such a key stays. An
    /// empty value is one left at the base too: a run.json written before <c>left_at_base</c> showed them so.
    /// </summary>
    private static List<List<ScenarioOverride>> ReadPoints(YamlMappingNode sweep, List<string> parameters, Action<YamlNode, string> error)
    {
        var points = new List<List<ScenarioOverride>>();
        List<YamlNode> rows = Get(sweep, "points") is YamlSequenceNode p ? [.. p.Children] : [];
        List<YamlNode> left = Get(sweep, "left_at_base") is YamlSequenceNode l ? [.. l.Children] : [];
        if (rows.Count == 0)
        {
            error(sweep, "sweep.points is missing or empty although sweep.parameters names keys; this run.json is damaged, so rerun the scenario file instead");
        }

        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not YamlSequenceNode row || row.Children.Count != parameters.Count || row.Children.Any(c => c is not YamlScalarNode))
            {
                error(rows[i], $"sweep.points[{i}] should list {parameters.Count} values, one per key of sweep.parameters");
                continue;
            }

            var atBase = (i < left.Count && left[i] is YamlSequenceNode names ? names.Children.OfType<YamlScalarNode>().Select(n => n.Value) : []).ToHashSet(StringComparer.Ordinal);
            points.Add(parameters.Select((key, j) => (key, text: ((YamlScalarNode)row.Children[j]).Value ?? string.Empty))
                .Where(v => !atBase.Contains(v.key) && v.text.Length > 0)
                .Select(v => new ScenarioOverride(v.key, Value(v.text), "sweep"))
                .ToList());
        }

        return points;
    }

    /// <summary>A point's value from its text: a list or mapping in flow style as such, anything else as the text itself.</summary>
    private static YamlNode Value(string text) =>
        YamlText.Parse(text).Stream is { Documents: [{ RootNode: YamlSequenceNode or YamlMappingNode } document] } ? document.RootNode : new YamlScalarNode(text);

    private static IEnumerable<YamlNode> Strings(YamlMappingNode mapping, string key, Action<YamlNode, string> error)
    {
        if (Get(mapping, key) is YamlSequenceNode list && list.Children.All(c => c is YamlScalarNode))
        {
            return list.Children;
        }

        error(mapping, $"{key} is missing or not a list of texts; this run.json is damaged, so rerun the scenario file instead");
        return [];
    }

    private static YamlNode? Get(YamlMappingNode mapping, string key) => mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? node : null;
}
