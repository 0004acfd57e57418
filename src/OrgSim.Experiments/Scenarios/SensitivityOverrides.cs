using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// <c>--set</c> values of the sensitivity section: <c>sensitivity.trajectories=20</c> (or any key of
/// the section), <c>sensitivity.parameters.KEY.PATH=[low, high]</c> (adds or replaces one parameter,
/// whose key path holds dots of its own), and <c>sensitivity={…}</c> for the whole section. They
/// change the section before it is read, so what they make is checked like the file's.
/// </summary>
internal static class SensitivityOverrides
{
    private static readonly string[] MorrisKeys = ["trajectories", "levels"], SobolKeys = ["samples", "resamples"];

    /// <summary>Whether <paramref name="set"/> changes the sensitivity section rather than a value of the scenario.</summary>
    public static bool IsSensitivity(ScenarioOverride set) => IsIn(set, "sensitivity");

    /// <summary>Whether <paramref name="set"/> sets the section <paramref name="name"/> or a key inside it.</summary>
    public static bool IsIn(ScenarioOverride set, string name) => set.Path == name || set.Path.StartsWith(name + ".", StringComparison.Ordinal);

    /// <summary>The file's section (null if it has none) with the <paramref name="sets"/> applied; a problem names the <c>--set</c>.</summary>
    public static YamlNode? Apply(ParseContext context, YamlNode? section, IEnumerable<ScenarioOverride> sets, string name = "sensitivity")
    {
        foreach (ScenarioOverride set in sets)
        {
            string[] keys = set.Path.Split('.', 3);
            if (keys.Length == 1)
            {
                section = set.Value;
                continue;
            }

            if (section is null)
            {
                section = new YamlMappingNode();
            }

            if (section is not YamlMappingNode mapping)
            {
                context.Errors.Add(new ScenarioError(context.File, 0, 0, $"--set {set.Brief}: the scenario's {name} section is not a mapping; replace it with --set '{name}={{…}}' or edit the file"));
                continue;
            }

            if (keys[1] == "parameters" && keys.Length == 3)
            {
                // The parameter's key path keeps its dots: it is one key of the parameters mapping.
                if (!mapping.Children.TryGetValue(new YamlScalarNode("parameters"), out YamlNode? parameters) || parameters is not YamlMappingNode)
                {
                    parameters = new YamlMappingNode();
                    mapping.Children[new YamlScalarNode("parameters")] = parameters;
                }

                ((YamlMappingNode)parameters).Children[new YamlScalarNode(keys[2])] = set.Value;
            }
            else if (keys.Length == 2)
            {
                mapping.Children[new YamlScalarNode(keys[1])] = set.Value;
                if (name == "sensitivity" && keys[1] == "method" && set.Value is YamlScalarNode { Value: var method })
                {
                    // Switching the method drops the other method's sizes, which it would refuse.
                    foreach (string other in method == "sobol" ? MorrisKeys : method == "morris" ? SobolKeys : [])
                    {
                        mapping.Children.Remove(new YamlScalarNode(other));
                    }
                }
            }
            else
            {
                context.Errors.Add(new ScenarioError(context.File, 0, 0, $"--set {set.Brief}: {name}.{keys[1]} has no keys to set inside it; set it whole, e.g. --set {(name == "sensitivity" ? "sensitivity.trajectories=20" : $"{name}.particles=200")}, or a parameter's range with --set '{name}.parameters.model.transmission=[0.01, 0.1]'"));
            }
        }

        return section;
    }
}
