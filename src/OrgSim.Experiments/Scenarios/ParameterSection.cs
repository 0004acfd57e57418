using System.Text.Json;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// The keys of one section of a scenario (<c>model</c>, <c>metrics</c>, or the top level) and the
/// record they set. Reads the section from YAML and writes it as JSON by walking the keys in
/// their declared order, opening a nested mapping for each dotted prefix.
/// </summary>
/// <typeparam name="T">The record the section sets.</typeparam>
public sealed class ParameterSection<T>
    where T : class
{
    private readonly Node _root = new(string.Empty, null);

    /// <summary>Declares the section.</summary>
    /// <param name="prefix">The section's key at the top of a scenario (<c>model</c>), or empty for top-level keys.</param>
    /// <param name="defaults">The record with every default.</param>
    /// <param name="parameters">The keys, in the order they are read and written; each path starts with the prefix.</param>
    public ParameterSection(string prefix, T defaults, IEnumerable<ParameterDefinition<T>> parameters)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        Prefix = prefix;
        Defaults = defaults;
        Parameters = parameters.ToList();
        foreach (ParameterDefinition<T> parameter in Parameters)
        {
            string key = KeyOf(parameter.Path);
            parameter.Defaults = defaults;
            Node node = _root;
            foreach (string part in key.Split('.')[..^1])
            {
                node = node.Children.FirstOrDefault(c => c.Name == part && c.Leaf is null) ?? node.Add(new Node(part, null));
            }

            node.Add(new Node(key.Split('.')[^1], parameter));
        }
    }

    /// <summary>The section's key at the top of a scenario, or empty for top-level keys.</summary>
    public string Prefix { get; }

    /// <summary>The record with every default.</summary>
    public T Defaults { get; }

    /// <summary>The keys, in declared order.</summary>
    public IReadOnlyList<ParameterDefinition<T>> Parameters { get; }

    /// <summary>The key at <paramref name="path"/> (from the top of a scenario), or null.</summary>
    public ParameterDefinition<T>? Find(string path) => Parameters.FirstOrDefault(p => p.Path == path);

    /// <summary>
    /// Reads the section over <paramref name="fallback"/>: each key given replaces the fallback's value,
    /// each key absent keeps it. Wrong values and unknown keys are recorded as errors by the reader.
    /// </summary>
    /// <param name="reader">The section's mapping, or null when the scenario does not give it.</param>
    /// <param name="fallback">The values of keys not given: the defaults, or for an arm's model the scenario's.</param>
    /// <param name="rejectUnknownKeys">Whether the section's own mapping holds only these keys (not for the top level, which holds other sections too).</param>
    internal T Read(YamlMappingReader? reader, T fallback, bool rejectUnknownKeys = true)
    {
        if (reader is null)
        {
            return fallback;
        }

        T record = Read(reader, _root, fallback);
        if (rejectUnknownKeys)
        {
            reader.RejectUnknownKeys();
        }

        return record;
    }

    /// <summary>Writes every key that applies to <paramref name="record"/> into the JSON object being written, nested as in a scenario.</summary>
    internal void Write(Utf8JsonWriter json, T record) => Write(json, _root, record);

    private string KeyOf(string path) =>
        Prefix.Length == 0 ? path
        : path.StartsWith(Prefix + ".", StringComparison.Ordinal) ? path[(Prefix.Length + 1)..]
        : throw new ArgumentException($"{path} is not in section {Prefix}", nameof(path));

    private static T Read(YamlMappingReader reader, Node node, T record)
    {
        foreach (Node child in node.Children)
        {
            if (child.Leaf is { } leaf)
            {
                record = leaf.AppliesTo(record) ? leaf.Read(reader, child.Name, record) : record;
            }
            else if (reader.Mapping(child.Name) is { } section)
            {
                record = Read(section, child, record);
                section.RejectUnknownKeys();
            }
        }

        return record;
    }

    private static void Write(Utf8JsonWriter json, Node node, T record)
    {
        foreach (Node child in node.Children)
        {
            if (child.Leaf is { } leaf)
            {
                if (leaf.AppliesTo(record) && (leaf.WrittenWhen?.Invoke(record) ?? true))
                {
                    leaf.Write(json, child.Name, record);
                }
            }
            else
            {
                json.WriteStartObject(child.Name);
                Write(json, child, record);
                json.WriteEndObject();
            }
        }
    }

    /// <summary>A key (with its definition) or a nested mapping (with its keys), in declared order.</summary>
    private sealed class Node(string name, ParameterDefinition<T>? leaf)
    {
        public string Name { get; } = name;

        public ParameterDefinition<T>? Leaf { get; } = leaf;

        public List<Node> Children { get; } = [];

        public Node Add(Node child)
        {
            Children.Add(child);
            return child;
        }
    }
}
