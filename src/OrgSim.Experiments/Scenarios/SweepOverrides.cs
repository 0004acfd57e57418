using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// <c>--set</c> values of the sweep itself: <c>sweep.grid.KEY.PATH=[values]</c> adds one axis to the
/// scenario's grid (or replaces the axis of that key), and <c>sweep.grid={…}</c>,
/// <c>sweep.points=[…]</c> or <c>sweep={…}</c> replace the whole sweep. They change the sweep before
/// it is read, so the points they make are checked like the file's; a mistake names the <c>--set</c>.
/// </summary>
internal static class SweepOverrides
{
    private const string Example = "--set 'sweep.grid.model.transmission=[0.05, 0.1]' adds a grid axis; --set 'sweep.points=[{model.transmission: 0.05}, {model.transmission: 0.1}]' replaces the sweep";

    /// <summary>Whether <paramref name="set"/> changes the sweep rather than a value of the scenario.</summary>
    public static bool IsSweep(ScenarioOverride set) => set.Path == "sweep" || set.Path.StartsWith("sweep.", StringComparison.Ordinal);

    /// <summary>
    /// The file's sweep (null if it has none) with the sweep <c>--set</c> values applied, and the value
    /// nodes those brought in (so that their points can be told apart). Problems are recorded in
    /// <paramref name="context"/> without a line, naming the <c>--set</c>.
    /// </summary>
    public static (YamlNode? Sweep, IReadOnlySet<YamlNode> FromSet) Apply(ParseContext context, YamlNode? sweep, IEnumerable<ScenarioOverride> sets)
    {
        var fromSet = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        foreach (ScenarioOverride set in sets)
        {
            string[] keys = set.Path.Split('.');
            YamlMappingNode? candidate = keys switch
            {
                ["sweep"] => set.Value as YamlMappingNode,
                ["sweep", "grid" or "points"] => new YamlMappingNode(new YamlScalarNode(keys[1]), set.Value),
                ["sweep", "grid", ..] => new YamlMappingNode(new YamlScalarNode("grid"), new YamlMappingNode(new YamlScalarNode(string.Join('.', keys[2..])), set.Value)),
                _ => null,
            };
            if (candidate is null)
            {
                Error(context, set, keys.Length == 1 ? $"the sweep should be a mapping with grid or points; {Example}" : $"there is no sweep key '{keys[1]}'; {Example}");
                continue;
            }

            // Checked on its own first, so that a mistake in it is reported as the --set's.
            var check = new ParseContext(context.File);
            SweepReader.Read(check, candidate);
            if (check.Errors.Count > 0)
            {
                check.Errors.ForEach(e => Error(context, set, e.Message));
                continue;
            }

            if (keys.Length > 2)
            {
                if (sweep is YamlMappingNode { Children.Count: 1 } file && file.Children.TryGetValue(new YamlScalarNode("grid"), out YamlNode? grid) && grid is YamlMappingNode axes)
                {
                    // An axis of the same key is replaced where it stands; a new one varies fastest.
                    axes.Children[new YamlScalarNode(string.Join('.', keys[2..]))] = set.Value;
                }
                else if (sweep is null)
                {
                    sweep = candidate;
                }
                else
                {
                    Error(context, set, "the scenario's sweep is not a grid, so a grid axis cannot be added to it; replace the whole sweep with --set 'sweep.points=[…]', or edit the file");
                    continue;
                }
            }
            else
            {
                sweep = candidate;
            }

            foreach (YamlNode node in set.Value.AllNodes)
            {
                fromSet.Add(node);
            }
        }

        return (sweep, fromSet);
    }

    private static void Error(ParseContext context, ScenarioOverride set, string message) =>
        context.Errors.Add(new ScenarioError(context.File, 0, 0, $"--set {set.Path}={set.Text}: {message}"));
}
