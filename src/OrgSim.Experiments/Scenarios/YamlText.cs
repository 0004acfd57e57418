using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// Parses YAML text into a tree, turning every way the parser can fail into one located problem.
/// YamlDotNet reports most mistakes as a <see cref="YamlException"/> with a place, but a few (an
/// unclosed '[' followed by more lines, a ':' with no key before it) escape as
/// <see cref="InvalidOperationException"/> or <see cref="ArgumentException"/>: for those the
/// scanner's position is the place.
/// </summary>
internal static class YamlText
{
    /// <summary>The parsed stream, or null with the problem's line, column (1-based) and message.</summary>
    public static (YamlStream? Stream, int Line, int Column, string? Problem) Parse(string text)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            stream.Load(new Parser(scanner));
            return (stream, 0, 0, null);
        }
        catch (YamlException e)
        {
            string reason = OneLine(e.InnerException?.Message ?? e.Message);
            string message = reason.StartsWith("Duplicate key", StringComparison.Ordinal)
                ? $"{reason[("Duplicate key".Length)..].Trim()} is given twice in the same mapping; keep one"
                : $"is not valid YAML: {reason}; check the indentation and the ':' after each key";
            return (null, (int)e.Start.Line, (int)e.Start.Column, message);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            Mark at = scanner.CurrentPosition;
            var (line, column, hint) = Hint(text, (int)at.Line, (int)at.Column);
            return (null, line, column, $"is not valid YAML: {hint}");
        }
    }

    /// <summary>The likely mistake, from the lines up to where the parser gave up, and where it is.</summary>
    private static (int Line, int Column, string Hint) Hint(string text, int line, int column)
    {
        string[] lines = text.Split('\n').Take(Math.Clamp(line, 1, int.MaxValue)).Select(l => l.TrimEnd('\r')).ToArray();
        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].TrimStart();
            if (trimmed.StartsWith(':') || trimmed.StartsWith("? :", StringComparison.Ordinal))
            {
                return (i + 1, lines[i].IndexOf(':', StringComparison.Ordinal) + 1, "a ':' has no key before it; write 'key: value'");
            }
        }

        // The last bracket left open; brackets inside quotes or comments are rare enough to ignore here.
        var open = new Stack<(int Line, int Column)>();
        for (int i = 0; i < lines.Length; i++)
        {
            for (int c = 0; c < lines[i].Length; c++)
            {
                switch (lines[i][c])
                {
                    case '[' or '{':
                        open.Push((i + 1, c + 1));
                        break;
                    case ']' or '}' when open.Count > 0:
                        open.Pop();
                        break;
                }
            }
        }

        return open.TryPeek(out var bracket)
            ? (bracket.Line, bracket.Column, "this '[' or '{' is not closed; close it with ']' or '}', or quote the value")
            : (line, column, "check the indentation and the ':' after each key");
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim().TrimEnd('.');
}
