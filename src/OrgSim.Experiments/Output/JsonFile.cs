using System.Text.Json;

namespace OrgSim.Experiments.Output;

/// <summary>
/// Reads the JSON files of an output folder (<c>identity.json</c>, <c>run.json</c>, the org chart
/// and its parts) so that any damage is a <see cref="DamagedFileException"/> with the file and the
/// line, never a parser's exception: text that is not JSON says so, a value of the wrong kind names
/// its key.
/// </summary>
internal static class JsonFile
{
    /// <summary>The document in <paramref name="text"/>, read from <paramref name="path"/>.</summary>
    /// <exception cref="DamagedFileException">The text is not JSON.</exception>
    public static JsonDocument Parse(string path, string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new DamagedFileException(path, Line(e), "not valid JSON");
        }
    }

    /// <summary>The value in <paramref name="text"/>, read from <paramref name="path"/>; <paramref name="nothing"/> says what a JSON <c>null</c> lacks.</summary>
    /// <exception cref="DamagedFileException">The text is not JSON, a value has the wrong kind, or it is null.</exception>
    public static T Deserialize<T>(string path, string text, JsonSerializerOptions options, string nothing)
        where T : class
    {
        // Syntax first, so that an error from the serializer below is about a value, not the text.
        using (Parse(path, text))
        {
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, options) ?? throw new DamagedFileException(path, nothing);
        }
        catch (JsonException e)
        {
            throw new DamagedFileException(path, Line(e), $"the value of {Key(e.Path)} is not valid");
        }
    }

    private static int? Line(JsonException e) => e.LineNumber is { } line ? (int)line + 1 : null;

    /// <summary>The key a serializer's path ("$.arms[0].weeks") names, as the file spells it ("arms[0].weeks").</summary>
    private static string Key(string? path) => path is null or "$" ? "the whole file" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
