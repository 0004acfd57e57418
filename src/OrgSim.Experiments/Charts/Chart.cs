namespace OrgSim.Experiments.Charts;

/// <summary>One drawn chart: a self-contained SVG document that scales through its <c>viewBox</c>.</summary>
/// <param name="FileName">The file to write it to, e.g. <c>adoption.svg</c>.</param>
/// <param name="Title">The chart's title, as drawn in it.</param>
/// <param name="Svg">The SVG text (UTF-8, LF line ends, no XML declaration, so it can also be inlined in HTML); byte-identical for identical input.</param>
public sealed record Chart(string FileName, string Title, string Svg)
{
    /// <summary>
    /// Draws the same chart as PNG at the given pixel width, from the same plot as <see cref="Svg"/>;
    /// null for a chart drawn as SVG only, whose PNG is then the SVG rasterised in-process.
    /// </summary>
    public Func<int, byte[]>? Png { get; init; }
}
