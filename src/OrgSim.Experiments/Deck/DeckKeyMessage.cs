using System.Net;
using System.Text.RegularExpressions;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Deck;

/// <summary>The key message slide's sentences: one or two plain sentences.</summary>
internal static partial class DeckKeyMessage
{
    /// <summary>The key message of <paramref name="tables"/>.</summary>
    public static IReadOnlyList<string> For(ResultTables tables) => FromFindings(tables);

    /// <summary>Until the report has a key message of its own: the first sentence of each of the first two arms' findings.</summary>
    private static List<string> FromFindings(ResultTables tables)
    {
        string html = FindingsWriter.Html(tables);
        int list = html.IndexOf("<ul class=\"findings\">", StringComparison.Ordinal);
        if (list < 0)
        {
            return [];
        }

        return ListItem().Matches(html[list..]).Take(2)
            .Select(m => WebUtility.HtmlDecode(Tag().Replace(m.Groups[1].Value, string.Empty)))
            .Select(item => SentenceEnd().Split(item)[0].TrimEnd('.') + ".")
            .Select(sentence => char.ToUpperInvariant(sentence[0]) + sentence[1..])
            .ToList();
    }

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ListItem();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<=\.)\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();
}
