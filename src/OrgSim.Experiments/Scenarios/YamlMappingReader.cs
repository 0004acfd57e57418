using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// Reads typed values out of one YAML mapping, recording an error (with line and column) for
/// each value of the wrong type or out of range, and — once every key has been asked for —
/// for each key nobody asked for, with the nearest known key as a suggestion.
/// </summary>
internal sealed class YamlMappingReader
{
    private readonly ParseContext _context;
    private readonly YamlMappingNode _node;
    private readonly string _path;
    private readonly List<string> _known = [];

    private YamlMappingReader(ParseContext context, YamlMappingNode node, string path)
    {
        _context = context;
        _node = node;
        _path = path;
    }

    /// <summary>A reader for <paramref name="node"/>, or null (with an error recorded) if it is not a mapping.</summary>
    public static YamlMappingReader? For(ParseContext context, YamlNode node, string path)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlMappingReader(context, mapping, path);
        }

        context.Error(node.Start, $"{Describe(path)} should be a mapping of 'key: value' lines");
        return null;
    }

    public Mark Start => _node.Start;

    public bool Has(string key) => Find(key) is not null;

    public double Double(string key, double fallback, double min, double max)
    {
        if (Scalar(key, $"a number in range [{Format(min)}, {Format(max)}]") is not { } scalar)
        {
            return fallback;
        }

        string text = scalar.Value!.Replace("_", string.Empty, StringComparison.Ordinal);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            _context.Error(scalar.Start, $"{Describe(Child(key))} is '{scalar.Value}'; must be a number in range [{Format(min)}, {Format(max)}]");
            return fallback;
        }

        if (value < min || value > max)
        {
            _context.Error(scalar.Start, $"{Describe(Child(key))} is {scalar.Value}; must be in range [{Format(min)}, {Format(max)}]");
            return fallback;
        }

        return value;
    }

    public int Int(string key, int fallback, int min, int max)
    {
        _context.WholeNumberPaths.Add(Child(key));
        if (Scalar(key, $"a whole number in range [{Format(min)}, {Format(max)}]") is not { } scalar)
        {
            return fallback;
        }

        string text = scalar.Value!.Replace("_", string.Empty, StringComparison.Ordinal);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            _context.Error(scalar.Start, $"{Describe(Child(key))} is '{scalar.Value}'; must be a whole number in range [{Format(min)}, {Format(max)}]");
            return fallback;
        }

        if (value < min || value > max)
        {
            _context.Error(scalar.Start, $"{Describe(Child(key))} is {scalar.Value}; must be in range [{Format(min)}, {Format(max)}]");
            return fallback;
        }

        return (int)value;
    }

    public ulong ULong(string key, ulong fallback)
    {
        if (Scalar(key, "a whole number from 0 to 18446744073709551615") is not { } scalar)
        {
            return fallback;
        }

        string text = scalar.Value!.Replace("_", string.Empty, StringComparison.Ordinal);
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
        {
            _context.Error(scalar.Start, $"{Describe(Child(key))} is '{scalar.Value}'; must be a whole number from 0 to 18446744073709551615");
            return fallback;
        }

        return value;
    }

    public bool Bool(string key, bool fallback)
    {
        if (Scalar(key, "true or false") is not { } scalar)
        {
            return fallback;
        }

        switch (scalar.Value)
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                _context.Error(scalar.Start, $"{Describe(Child(key))} is '{scalar.Value}'; must be true or false");
                return fallback;
        }
    }

    public string String(string key, string fallback)
    {
        if (Scalar(key, "a text") is not { } scalar)
        {
            return fallback;
        }

        // An unquoted ~ or null is YAML's null, not a text: it would otherwise head a report as "~".
        if (string.IsNullOrWhiteSpace(scalar.Value)
            || (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL"))
        {
            _context.Error(scalar.Start, $"{Describe(Child(key))} is empty; write a value or remove the key");
            return fallback;
        }

        // A control character (a bell, an escape) or a lone surrogate in a text would reach the report,
        // the SVGs and the slides, and XML cannot hold it.
        string text = scalar.Value.Trim();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsSurrogatePair(text, i))
            {
                i++;
                continue;
            }

            if ((char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || char.IsSurrogate(c))
            {
                _context.Error(scalar.Start, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Describe(Child(key))} holds the control character U+{(int)c:X4}; remove it"));
                return fallback;
            }

            // A direction override or isolate makes a title read otherwise than the file says.
            if (c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                _context.Error(scalar.Start, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Describe(Child(key))} holds the invisible direction control U+{(int)c:X4}, which makes the text read otherwise than written; remove it"));
                return fallback;
            }
        }

        return text;
    }

    /// <summary>One of the names in <paramref name="choices"/>; suggests the nearest for a misspelling.</summary>
    public T Choice<T>(string key, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        if (Scalar(key, "one of " + string.Join(", ", choices.Keys)) is not { } scalar)
        {
            return fallback;
        }

        return ChoiceOf(_context, scalar, Child(key), fallback, choices);
    }

    public static T ChoiceOf<T>(ParseContext context, YamlScalarNode scalar, string path, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        string text = scalar.Value ?? string.Empty;
        if (choices.TryGetValue(text, out T? value))
        {
            return value;
        }

        string? near = NameSuggester.Suggest(text, choices.Keys);
        string hint = near is null ? $"use one of {string.Join(", ", choices.Keys)}" : $"did you mean '{near}'? (choices: {string.Join(", ", choices.Keys)})";
        context.Error(scalar.Start, $"{Describe(path)} is '{text}'; {hint}");
        return fallback;
    }

    /// <summary>The nested mapping at <paramref name="key"/>, or null if the key is absent or not a mapping.</summary>
    public YamlMappingReader? Mapping(string key)
    {
        _known.Add(key);
        if (Find(key) is not { } entry)
        {
            return null;
        }

        _context.Remember(Child(key), entry.Key.Start);
        return For(_context, entry.Value, Child(key));
    }

    /// <summary>The sequence at <paramref name="key"/>, or null if absent (or not a sequence, with an error).</summary>
    public YamlSequenceNode? Sequence(string key, string whatItems)
    {
        _known.Add(key);
        if (Find(key) is not { } entry)
        {
            return null;
        }

        _context.Remember(Child(key), entry.Key.Start);
        if (entry.Value is YamlSequenceNode sequence)
        {
            return sequence;
        }

        _context.Error(entry.Value.Start, $"{Describe(Child(key))} should be a list of {whatItems}, one '- ' item per line");
        return null;
    }

    /// <summary>The raw node at <paramref name="key"/>, or null if absent.</summary>
    public YamlNode? Node(string key)
    {
        _known.Add(key);
        if (Find(key) is not { } entry)
        {
            return null;
        }

        _context.Remember(Child(key), entry.Value.Start);
        return entry.Value;
    }

    public string Child(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    /// <summary>Records an error for each key of this mapping that no read asked for.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (keyNode, value) in _node.Children)
        {
            if (KeyProblem(keyNode) is { } problem)
            {
                _context.Error(KeyMark(keyNode, value), $"{problem} {(_path.Length == 0 ? "at the top level" : $"in {_path}")}; write a name before the ':', e.g. '{_known.FirstOrDefault() ?? "key"}: value'");
                continue;
            }

            string key = ((YamlScalarNode)keyNode).Value!;
            if (_known.Contains(key))
            {
                continue;
            }

            string? near = NameSuggester.Suggest(key, _known);
            string where = _path.Length == 0 ? "at the top level" : $"in {_path}";
            string hint = near is null ? $"known keys are {string.Join(", ", _known.Distinct(StringComparer.Ordinal))}" : $"did you mean '{near}'?";
            _context.Error(keyNode.Start, $"unknown key '{key}' {where}; {hint}");
        }
    }

    /// <summary>Why <paramref name="key"/> cannot be a key (a list, a mapping, null or empty), or null if it is a name.</summary>
    public static string? KeyProblem(YamlNode key) => key switch
    {
        YamlSequenceNode => $"a key is a list ({key})",
        YamlMappingNode => "a key is a mapping",
        YamlScalarNode { Value: null or "" } => "a key is missing",
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "~" or "null" or "Null" or "NULL" } s => $"a key is null ('{s.Value}')",
        YamlScalarNode => null,
        _ => "a key is not a name",
    };

    /// <summary>Where to report a problem with <paramref name="key"/>: an empty key has no place of its own, so its value's.</summary>
    public static Mark KeyMark(YamlNode key, YamlNode value) =>
        key is YamlScalarNode { Value: null or "" } && key.Start.Equals(Mark.Empty) ? value.Start : key.Start;

    private static string Describe(string path) => path.Length == 0 ? "the file" : path;

    private static string Format(double value) =>
        // Three decimals suit every range but the smallest bounds, which would show as 0 (min_acceptance's 0.0001).
        value.ToString(value != 0 && Math.Abs(value) < 0.001 ? "0.##########" : "#,0.###", CultureInfo.InvariantCulture);

    private KeyValuePair<YamlNode, YamlNode>? Find(string key)
    {
        foreach (var entry in _node.Children)
        {
            if (entry.Key is YamlScalarNode s && string.Equals(s.Value, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    private YamlScalarNode? Scalar(string key, string expected)
    {
        _known.Add(key);
        if (Find(key) is not { } entry)
        {
            return null;
        }

        _context.Remember(Child(key), entry.Value.Start);
        if (entry.Value is YamlScalarNode scalar && scalar.Value is not null
            && !(scalar.Style == ScalarStyle.Plain && scalar.Value.Length == 0))
        {
            return scalar;
        }

        string what = entry.Value switch
        {
            YamlSequenceNode => "is a list",
            YamlMappingNode => "is a mapping",
            _ => "has no value",
        };
        _context.Error(entry.Value.Start, $"{Describe(Child(key))} {what}; write {expected}");
        return null;
    }
}
