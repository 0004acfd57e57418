using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// Parses YAML text into a tree, turning every way the parser can fail into one located problem.
/// YamlDotNet reports most mistakes as a <see cref="YamlException"/> with a place, but a few (an
/// unclosed '[' followed by more lines, a ':' with no key before it) escape as
/// <see cref="InvalidOperationException"/> or <see cref="ArgumentException"/>: for those the
/// scanner's position is the place.
/// </summary>
/// <remarks>
/// The tree is built by recursion, and aliases share nodes that every later reader (a sweep value
/// written out, a <c>--set</c> copied) expands. So the text is measured first, event by event in a
/// loop: nesting beyond <see cref="ScenarioLimits.MaxNesting"/>, aliases that add more than
/// <see cref="ScenarioLimits.MaxAliasValues"/> values (a "billion laughs"), and an alias inside the
/// value it names (which would contain itself) are problems like any other, found in bounded time
/// and memory before any recursion.
/// </remarks>
internal static class YamlText
{
    /// <summary>
    /// The parsed stream, or null with the problem's line, column (1-based) and message; <c>IsSyntax</c>
    /// tells a mistake in the YAML (which quoting may fix) from text beyond the limits.
    /// </summary>
    public static (YamlStream? Stream, int Line, int Column, string? Problem, bool IsSyntax) Parse(string text)
    {
        if (Measure(text) is { } tooMuch)
        {
            return (null, tooMuch.Line, tooMuch.Column, tooMuch.Problem, false);
        }

        var (stream, line, column, problem) = Load(text);
        return (stream, line, column, problem, problem is not null);
    }

    private static (YamlStream? Stream, int Line, int Column, string? Problem) Load(string text)
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

    /// <summary>A list or mapping being read: its anchor, the values counted before it, and the deepest level reached inside it.</summary>
    private sealed record Open(string? Anchor, long ValuesBefore, int Level)
    {
        public int Deepest { get; set; } = Level;
    }

    /// <summary>
    /// The first place where <paramref name="text"/> nests too deep or its aliases add too much, or
    /// null; a syntax error stops the measuring, and is then reported by the loader.
    /// </summary>
    private static (int Line, int Column, string Problem)? Measure(string text)
    {
        var parser = new Parser(new Scanner(new StringReader(text)));
        var open = new Stack<Open>();
        var anchors = new Dictionary<string, (long Values, int Depth)>(StringComparer.Ordinal);
        long values = 0, added = 0;
        try
        {
            while (parser.MoveNext())
            {
                ParsingEvent current = parser.Current!;
                switch (current)
                {
                    case AnchorAlias alias:
                        string name = alias.Value.Value;
                        if (!anchors.TryGetValue(name, out var named))
                        {
                            return At(alias, open.Any(o => o.Anchor == name)
                                ? $"has the alias '*{name}' inside the value it names ('&{name}'), so the value would contain itself; write the value out instead"
                                : $"has the alias '*{name}' but no anchor '&{name}' before it; name a value '&{name}' first, or write the value out");
                        }

                        values += named.Values;
                        added += named.Values;
                        if (open.Count + named.Depth > ScenarioLimits.MaxNesting)
                        {
                            return At(alias, TooDeep($" (with '*{name}' written out)"));
                        }

                        if (added > ScenarioLimits.MaxAliasValues)
                        {
                            return At(alias, string.Create(CultureInfo.InvariantCulture, $"has aliases that add more than {ScenarioLimits.MaxAliasValues:N0} values when written out (here '*{name}'); write the values out, or use fewer aliases"));
                        }

                        if (open.TryPeek(out Open? parent))
                        {
                            parent.Deepest = Math.Max(parent.Deepest, open.Count + named.Depth);
                        }

                        break;
                    case Scalar scalar:
                        values++;
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchors[scalar.Anchor.Value] = (1, 0);
                        }

                        break;
                    case NodeEvent { NestingIncrease: > 0 } start:
                        values++;
                        open.Push(new Open(start.Anchor.IsEmpty ? null : start.Anchor.Value, values - 1, open.Count + 1));
                        if (!start.Anchor.IsEmpty)
                        {
                            // The name is the new value's from here on (YamlDotNet's too), even reused: an alias inside it would be itself.
                            anchors.Remove(start.Anchor.Value);
                        }

                        if (open.Count > ScenarioLimits.MaxNesting)
                        {
                            return At(start, TooDeep(string.Empty));
                        }

                        break;
                    case SequenceEnd or MappingEnd when open.Count > 0:
                        Open closed = open.Pop();
                        if (open.TryPeek(out Open? outer))
                        {
                            outer.Deepest = Math.Max(outer.Deepest, closed.Deepest);
                        }

                        if (closed.Anchor is not null)
                        {
                            anchors[closed.Anchor] = (values - closed.ValuesBefore, closed.Deepest - closed.Level + 1);
                        }

                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            return null;
        }

        return null;
    }

    private static string TooDeep(string how) =>
        string.Create(CultureInfo.InvariantCulture, $"nests lists and mappings more than {ScenarioLimits.MaxNesting} levels deep{how}; remove the extra '[', '{{' or indentation (a scenario needs a few)");

    private static (int Line, int Column, string Problem) At(ParsingEvent at, string problem) => ((int)at.Start.Line, (int)at.Start.Column, problem);

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
