namespace OrgSim.Experiments.Charts;

/// <summary>How a legend entry shows its series.</summary>
internal enum LegendMark
{
    /// <summary>A solid line.</summary>
    Line,

    /// <summary>A dashed line.</summary>
    Dashed,

    /// <summary>A filled square, for bars and areas.</summary>
    Swatch,

    /// <summary>A line over a translucent band.</summary>
    Band,
}

/// <summary>One legend entry.</summary>
internal sealed record LegendEntry(string Label, string Colour, LegendMark Mark);

/// <summary>
/// The legend: a column of entries drawn outside the plot area (right of it), so it never covers
/// data. Labels longer than <see cref="MaxLabelWidth"/> are shortened, the full text kept as a tooltip.
/// </summary>
internal static class Legend
{
    public const double MaxLabelWidth = 220, RowHeight = 26;

    /// <summary>The width the legend needs, marks and notes included.</summary>
    public static double Width(IEnumerable<LegendEntry> entries, params string[] notes) =>
        Math.Max(
            40 + Math.Min(MaxLabelWidth, entries.Select(e => SvgWriter.TextWidth(e.Label, SvgWriter.LabelSize)).DefaultIfEmpty(0).Max()),
            Math.Min(MaxLabelWidth + 40, notes.Select(n => SvgWriter.TextWidth(n, 14)).DefaultIfEmpty(0).Max()));

    /// <summary>Draws the entries from (<paramref name="x"/>, <paramref name="y"/>) down, then the <paramref name="notes"/> in smaller grey text.</summary>
    public static void Draw(SvgWriter svg, double x, double y, IReadOnlyList<LegendEntry> entries, params string[] notes)
    {
        svg.Open("g", ("class", "legend"));
        for (int i = 0; i < entries.Count; i++)
        {
            (string label, string colour, LegendMark mark) = entries[i];
            double cy = y + (i * RowHeight) + 10;
            switch (mark)
            {
                case LegendMark.Swatch:
                    svg.Leaf("rect", ("x", x), ("y", cy - 8), ("width", 24), ("height", 16), ("fill", colour));
                    break;
                case LegendMark.Band:
                    svg.Leaf("rect", ("x", x), ("y", cy - 8), ("width", 28), ("height", 16), ("fill", colour), ("fill-opacity", 0.2));
                    goto default;
                default:
                    svg.Leaf("line", ("x1", x), ("x2", x + 28), ("y1", cy), ("y2", cy), ("stroke", colour), ("stroke-width", 3),
                        ("stroke-dasharray", mark == LegendMark.Dashed ? "8 5" : null));
                    break;
            }

            string shown = SvgWriter.Fit(label, MaxLabelWidth, SvgWriter.LabelSize);
            svg.Open("g", ("class", "legend-entry"));
            if (shown != label)
            {
                svg.Title(label);
            }

            svg.Text(x + 38, cy + 5, shown);
            svg.Close();
        }

        for (int i = 0; i < notes.Length; i++)
        {
            svg.Text(x, y + (entries.Count * RowHeight) + 18 + (i * 20), notes[i], ("font-size", 14), ("fill", Palette.Muted), ("class", "note"));
        }

        svg.Close();
    }
}
