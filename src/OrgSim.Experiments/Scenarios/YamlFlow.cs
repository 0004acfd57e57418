using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// A value as one line of YAML flow text — <c>0.05</c>, <c>[decisiveness, pacing]</c>,
/// <c>{min: 5, max: 10}</c> — for output columns and <c>run.json</c>, which reads it back as the same value.
/// </summary>
internal static class YamlFlow
{
    /// <summary>A YAML value: a scalar as it is, a list or mapping in flow style.</summary>
    public static string Format(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        _ => Nested(node),
    };

    /// <summary>A JSON value (from <c>run.json</c>) the same way: strings unquoted at the top, numbers as written.</summary>
    public static string Format(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? string.Empty,
        JsonValueKind.Array => $"[{string.Join(", ", element.EnumerateArray().Select(Nested))}]",
        JsonValueKind.Object => $"{{{string.Join(", ", element.EnumerateObject().Select(p => $"{Quoted(p.Name)}: {Nested(p.Value)}"))}}}",
        _ => element.GetRawText(),
    };

    private static string Nested(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Style is ScalarStyle.Plain ? Quoted(scalar.Value ?? string.Empty) : Quote(scalar.Value ?? string.Empty),
        YamlSequenceNode sequence => $"[{string.Join(", ", sequence.Children.Select(Nested))}]",
        YamlMappingNode mapping => $"{{{string.Join(", ", mapping.Children.Select(kv => $"{Nested(kv.Key)}: {Nested(kv.Value)}"))}}}",
        _ => Quote(node.ToString()),
    };

    private static string Nested(JsonElement element) => element.ValueKind == JsonValueKind.String ? Quoted(element.GetString() ?? string.Empty) : Format(element);

    /// <summary>A plain scalar if it reads back as the same text inside a flow collection, else single-quoted.</summary>
    private static string Quoted(string text) =>
        text.Length > 0 && text.Trim() == text && text.IndexOfAny([',', '[', ']', '{', '}', '#', '\'', '"', '&', '*', '!', '|', '>', '%', '@', '`']) < 0
            && !text.Contains(": ", StringComparison.Ordinal) && !text.EndsWith(':') && !text.StartsWith("- ", StringComparison.Ordinal) && !text.StartsWith("? ", StringComparison.Ordinal)
            ? text
            : Quote(text);

    private static string Quote(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
