using System.Text.RegularExpressions;

namespace OrgSim.Experiments.Report;

/// <summary>
/// Gives an SVG's ids a prefix, and every reference to them (<c>url(#id)</c>, <c>href="#id"</c>):
/// a sweep's report inlines the same chart once per point, and an id must be unique in a page, or a
/// point's clip paths would resolve to another point's, hidden, copy.
/// </summary>
internal static partial class SvgIds
{
    public static string Scope(string svg, string prefix)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(prefix);
        var ids = Id().Matches(svg).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return svg;
        }

        return Reference().Replace(svg, m => ids.Contains(m.Groups["id"].Value)
            ? m.Groups["before"].Value + prefix + m.Groups["id"].Value + m.Groups["after"].Value
            : m.Value);
    }

    [GeneratedRegex("\\bid=\"(?<id>[^\"]+)\"")]
    private static partial Regex Id();

    [GeneratedRegex("(?<before>\\bid=\"|url\\(#|href=\"#)(?<id>[^\"\\)]+)(?<after>[\"\\)])")]
    private static partial Regex Reference();
}
