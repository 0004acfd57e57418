using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Report;
using OrgSim.Experiments.Output;
using SkiaSharp;
using Xunit;

namespace OrgSim.Experiments.Tests.Charts;

public sealed class SvgRasterTests
{
    private const string HandWrittenFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData(HandWrittenFamily, "400")]
    [InlineData(HandWrittenFamily, "700")]
    [InlineData("DejaVu Sans", "400")]
    [InlineData("Nonexistent Font", "bold")]
    public void Text_InAnyFamilyTheChartsName_LeavesInkWhereItIs(string family, string weight)
    {
        string svg = $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100" width="400" height="100"><text x="10" y="40" font-family="{family}" font-weight="{weight}" font-size="30" fill="#000">Week 52</text></svg>""";
        using SKBitmap bitmap = Decode(SvgRaster.Png(svg, 400));
        Assert.True(Dark(bitmap, 0, 0, 200, 50) > 300, "no text was drawn");
        Assert.Equal(0, Dark(bitmap, 0, 55, 400, 100));
    }

    [Fact]
    public void BoldText_IsDrawnBold()
    {
        string Text(string weight) => $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 100"><text x="10" y="40" font-family="{HandWrittenFamily}" font-weight="{weight}" font-size="30">Week 52</text></svg>""";
        using SKBitmap regular = Decode(SvgRaster.Png(Text("normal"), 400));
        using SKBitmap bold = Decode(SvgRaster.Png(Text("bold"), 400));
        Assert.True(Dark(bold, 0, 0, 400, 100) > Dark(regular, 0, 0, 400, 100) * 1.2);
    }

    [Fact]
    public void Png_HasTheSignatureTheRequestedWidthTheAspectAndAWhiteBackground()
    {
        const string svg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><rect x="100" y="50" width="100" height="50" fill="#08f"/></svg>""";
        byte[] png = SvgRaster.Png(svg, 900);
        Assert.Equal(Signature, png[..8]);
        using SKBitmap bitmap = Decode(png);
        Assert.Equal(900, bitmap.Width);
        Assert.Equal(450, bitmap.Height);
        Assert.Equal(SKColors.White, bitmap.GetPixel(5, 5));
        Assert.Equal(new SKColor(0x00, 0x88, 0xff), bitmap.GetPixel(450, 225));
    }

    [Fact]
    public void Png_IsByteIdenticalForIdenticalInput()
    {
        var (tables, org) = Finished();
        Chart adoption = ChartSet.Draw(tables, org)[0];
        Assert.Equal(ChartPng.Render(adoption, 1200), ChartPng.Render(adoption, 1200));
    }

    [Fact]
    [Trait("Category", "Slow")] // 3–7 s: every chart and snapshot of a run as PNG.
    public void EveryChart_TheWheelsAndTheOrgChartSnapshots_AreRasterisedWithText()
    {
        var (tables, org) = Finished();
        IReadOnlyList<Chart> charts = ChartSet.Draw(tables, org);
        Assert.Contains(charts, c => c.FileName.Contains("wheel", StringComparison.Ordinal));
        var all = charts.Select(c => (c.FileName, c.Svg, c.Png))
            .Concat(OrgChartSvg.Snapshots(org, tables.HorizonWeeks).Select(s => (s.Title, s.Svg, (Func<int, byte[]>?)null)));
        foreach (var (name, svg, own) in all)
        {
            using SKBitmap bitmap = Decode(ChartPng.Render(name, svg, own, 800));
            Assert.Equal(800, bitmap.Width);
            // Black-ish text (titles, labels) is drawn: the charts' lines and fills are coloured.
            Assert.True(Dark(bitmap, 0, 0, bitmap.Width, bitmap.Height) > 200, $"{name}: no text");
        }
    }

    [Fact]
    public void AnSvgThatCannotBeRead_IsAnErrorNamingTheChart()
    {
        var e = Assert.Throws<InvalidDataException>(() => ChartPng.Render(new Chart("broken.svg", "Broken", "<svg")));
        Assert.StartsWith("broken.svg could not be drawn as PNG", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The tables and org chart of a small finished run.</summary>
    private static (ResultTables Tables, OrgChart Org) Finished()
    {
        string folder = TestRuns.InFolder(TestScenarios.SmallText(replicates: 2, horizon: 12));
        return (ResultTablesReader.Load(folder), OrgChart.ReadFile(Path.Combine(folder, ResultsFolder.OrgChartFileName))!);
    }

    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidDataException("not a PNG");

    /// <summary>Pixels darker than mid-grey in every channel, in [x0, x1) × [y0, y1).</summary>
    private static int Dark(SKBitmap bitmap, int x0, int y0, int x1, int y1)
    {
        int dark = 0;
        for (int y = y0; y < Math.Min(y1, bitmap.Height); y++)
        {
            for (int x = x0; x < Math.Min(x1, bitmap.Width); x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (c.Red < 100 && c.Green < 100 && c.Blue < 100)
                {
                    dark++;
                }
            }
        }

        return dark;
    }
}
