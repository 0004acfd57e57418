using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OrgSim.Experiments.Charts;

namespace OrgSim.Experiments.Tests.Charts;

/// <summary>Reading what ScottPlot drew in a chart's SVG: its texts, what lies in the data area, where the data area is, and the PNG's ink.</summary>
internal static partial class ChartSvg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static List<string> Texts(Chart chart) => XDocument.Parse(chart.Svg).Descendants(Ns + "text").Select(e => e.Value.Trim()).ToList();

    /// <summary>What was drawn inside the data area: the children of the groups clipped to it.</summary>
    public static List<XElement> Plotted(Chart chart)
    {
        XDocument svg = XDocument.Parse(chart.Svg);
        string area = svg.Descendants(Ns + "clipPath").First().Element(Ns + "rect")!.ToString();
        var clips = svg.Descendants(Ns + "clipPath").Where(c => c.Element(Ns + "rect")!.ToString() == area).Select(c => $"url(#{(string)c.Attribute("id")!})").ToHashSet();
        return svg.Descendants(Ns + "g").Where(g => clips.Contains((string?)g.Attribute("clip-path") ?? "")).SelectMany(g => g.Elements()).ToList();
    }

    /// <summary>Filled shapes in the data area, by their fill colour as "#RRGGBB".</summary>
    public static List<string> Fills(Chart chart) =>
        Plotted(chart).Where(e => e.Attribute("stroke") is null && e.Attribute("fill") is not null).Select(Fill).ToList();

    public static string Fill(XElement e) => Hex((string?)e.Attribute("fill") ?? "");

    public static string Stroke(XElement e) => Hex((string?)e.Attribute("stroke") ?? "");

    /// <summary>The data area: the rectangle every plottable is clipped to.</summary>
    public static (double X, double Y, double Width, double Height) DataArea(Chart chart)
    {
        XElement rect = XDocument.Parse(chart.Svg).Descendants(Ns + "clipPath").First().Element(Ns + "rect")!;
        double A(string name) => double.Parse((string)rect.Attribute(name)!, CultureInfo.InvariantCulture);
        return (A("x"), A("y"), A("width"), A("height"));
    }

    /// <summary>Where Skia put the last text reading <paramref name="text"/>: its translate(x y).</summary>
    public static (double X, double Y) At(Chart chart, string text)
    {
        XElement e = XDocument.Parse(chart.Svg).Descendants(Ns + "text").Last(t => t.Value.Trim() == text);
        Match m = Translate().Match((string?)e.Attribute("transform") ?? "");
        return (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>How many pixels of the chart's PNG at <paramref name="width"/> px are near <paramref name="colour"/>.</summary>
    public static int Ink(Chart chart, string colour, int width = 1200)
    {
        byte[] png = chart.Png!(width);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal(width, bitmap.Width);
        var c = SkiaSharp.SKColor.Parse(colour);
        return bitmap.Pixels.Count(p => Math.Abs(p.Red - c.Red) + Math.Abs(p.Green - c.Green) + Math.Abs(p.Blue - c.Blue) < 24);
    }

    private static string Hex(string colour) =>
        colour.Length == 4 && colour[0] == '#' ? $"#{colour[1]}{colour[1]}{colour[2]}{colour[2]}{colour[3]}{colour[3]}".ToUpperInvariant() : colour.StartsWith('#') ? colour.ToUpperInvariant() : colour;

    [GeneratedRegex(@"translate\((-?[0-9.]+) (-?[0-9.]+)\)")]
    private static partial Regex Translate();
}
