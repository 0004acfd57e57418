using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// Applies <see cref="ScenarioOverride"/>s to a scenario's YAML tree before it is read, so an
/// override of any key is checked exactly as if it had been written in the file.
/// </summary>
/// <remarks>
/// Precedence is default &lt; base &lt; arm &lt; sweep point &lt; <c>--set</c>: an override of
/// <c>model.X</c> is written into the base model and also into every arm whose own
/// <c>model</c> sets <c>X</c>, so it wins over the arm; overrides are applied in that order, later
/// ones replacing earlier ones.
/// </remarks>
internal static class YamlOverrides
{
    /// <summary>Writes <paramref name="value"/> at <paramref name="path"/> in <paramref name="root"/>; returns an error message or null.</summary>
    public static string? Apply(YamlMappingNode root, ScenarioOverride value)
    {
        string[] keys = value.Path.Split('.');
        if (keys[0] == "arms")
        {
            if (keys.Length < 3)
            {
                return $"{value.Source} {value.Path}: name an arm and a key, e.g. arms.bottom-up.seeding.budget";
            }

            YamlMappingNode? arm = FindArm(root, keys[1]);
            return arm is null
                ? $"{value.Source} {value.Path}: there is no arm named '{keys[1]}'"
                : Set(arm, keys[2..], value.Value);
        }

        string? error = Set(root, keys, value.Value);
        if (error is null && keys[0] == "model")
        {
            foreach (YamlMappingNode arm in Arms(root))
            {
                if (arm.Children.TryGetValue(new YamlScalarNode("model"), out YamlNode? model) && model is YamlMappingNode armModel && Has(armModel, keys[1..]))
                {
                    Set(armModel, keys[1..], value.Value);
                }
            }
        }

        return error;
    }

    /// <summary>The node at <paramref name="path"/> in <paramref name="root"/> (an arm by its name), or null.</summary>
    public static YamlNode? Find(YamlMappingNode root, string path)
    {
        string[] keys = path.Split('.');
        YamlNode? node = root;
        if (keys[0] == "arms")
        {
            if (keys.Length < 3)
            {
                return null;
            }

            node = FindArm(root, keys[1]);
            keys = keys[2..];
        }

        foreach (string key in keys)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    private static string? Set(YamlMappingNode mapping, string[] keys, YamlNode value)
    {
        for (int i = 0; i < keys.Length - 1; i++)
        {
            var key = new YamlScalarNode(keys[i]);
            if (!mapping.Children.TryGetValue(key, out YamlNode? child))
            {
                child = new YamlMappingNode();
                mapping.Children.Add(key, child);
            }

            if (child is not YamlMappingNode next)
            {
                return $"{string.Join('.', keys[..(i + 1)])} is a value, not a section, so it has no key '{keys[i + 1]}'";
            }

            mapping = next;
        }

        mapping.Children[new YamlScalarNode(keys[^1])] = value;
        return null;
    }

    private static bool Has(YamlMappingNode mapping, string[] keys)
    {
        YamlNode node = mapping;
        foreach (string key in keys)
        {
            if (node is not YamlMappingNode m || !m.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? child))
            {
                return false;
            }

            node = child;
        }

        return true;
    }

    private static IEnumerable<YamlMappingNode> Arms(YamlMappingNode root) =>
        root.Children.TryGetValue(new YamlScalarNode("arms"), out YamlNode? arms) && arms is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlMappingNode>()
            : [];

    private static YamlMappingNode? FindArm(YamlMappingNode root, string name) =>
        Arms(root).FirstOrDefault(a => a.Children.TryGetValue(new YamlScalarNode("name"), out YamlNode? n) && n is YamlScalarNode s && s.Value == name);
}
