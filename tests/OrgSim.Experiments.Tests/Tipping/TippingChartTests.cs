using System.Globalization;
using System.Xml.Linq;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Tests.Charts;
using OrgSim.Experiments.Tipping;
using Xunit;

namespace OrgSim.Experiments.Tests.Tipping;

public sealed class TippingChartTests
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    public void The_charts_are_well_formed_and_write_numbers_the_same_in_any_culture(string culture)
    {
        CultureInfo prior = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            TippingResult result = TippingSearch.Find(
                new TippingSettings { From = 0, To = 1, Tolerance = 0.1, Replicates = 10, MaxRuns = 10_000, Seed = 1 },
                new SyntheticContrast(0.37, Seed: 9).At);
            string line = TippingChart.Draw(result, "model.transmission", "a − b", "competent_share_final", "test").Svg;
            double[] xs = [0, 0.5, 1], ys = [10, 20, 30];
            string grid = TippingGridChart.Draw(xs, ys, new double[,] { { -1.5, -1, 0.5 }, { -0.5, 0.25, 1 }, { 0.5, 1, 2 } }, "x", "y", "a − b", "m", "test").Svg;

            foreach (string svg in (string[])[line, grid])
            {
                XDocument.Parse(svg);
                Assert.DoesNotMatch(@"=""-?\d+,\d", svg);
            }

            Assert.Contains("stroke=\"#D55E00\"", line, StringComparison.Ordinal); // the crossing
            Assert.Contains("viewBox=\"0 0 900 560\"", line, StringComparison.Ordinal);
            Assert.Contains("+0.25", grid, StringComparison.Ordinal);
            Assert.Equal(CultureInvariantTwin(culture, line), line);
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            string gridTwin = TippingGridChart.Draw(xs, ys, new double[,] { { -1.5, -1, 0.5 }, { -0.5, 0.25, 1 }, { 0.5, 1, 2 } }, "x", "y", "a − b", "m", "test").Svg;
            Assert.Equal(gridTwin, grid);
        }
        finally
        {
            CultureInfo.CurrentCulture = prior;
        }
    }

    [Fact]
    public void The_grid_colours_each_cell_by_its_mean_numbers_it_and_draws_the_zero_contour()
    {
        double[] xs = [0, 0.5, 1], ys = [10, 20, 30];
        Chart chart = TippingGridChart.Draw(xs, ys, new double[,] { { -1.5, -1, 0.5 }, { -0.5, 0.25, 1 }, { 0.5, 1, 2 } }, "x", "y", "a − b", "m", "test");

        List<string> texts = ChartSvg.Texts(chart);
        foreach (string text in (string[])["-1.50", "-1.00", "+0.50", "-0.50", "+0.25", "+1.00", "+2.00", "x", "y", "Where a − b changes sign", "+2", "-2", "a ahead", "b ahead", "zero: level"])
        {
            Assert.Contains(text, texts);
        }

        List<string> fills = ChartSvg.Fills(chart);
        Assert.Contains("#0072B2", fills); // the largest positive mean, full blue
        Assert.Equal(9, fills.Count(f => f.StartsWith('#')));
        Assert.Equal(3, fills.Count(f => f.StartsWith('#') && IsOrange(f))); // the three negative means
        Assert.Contains(ChartSvg.Plotted(chart), e => (string?)e.Attribute("stroke-width") == "3"); // the zero contour
        (double left, _, double width, _) = ChartSvg.DataArea(chart);
        Assert.True(ChartSvg.At(chart, "zero: level").X > left + width, "the legend is right of the data");
        Assert.Contains("viewBox=\"0 0 900 640\"", chart.Svg, StringComparison.Ordinal);
        Assert.True(ChartSvg.Ink(chart, "#0072B2") > 1000);
        Assert.True(ChartSvg.Ink(chart, fills.First(f => f.StartsWith('#') && IsOrange(f))) > 1000);
    }

    private static bool IsOrange(string hex) => int.Parse(hex[1..3], NumberStyles.HexNumber, CultureInfo.InvariantCulture) > int.Parse(hex[5..7], NumberStyles.HexNumber, CultureInfo.InvariantCulture) + 10;

    private static string CultureInvariantTwin(string culture, string svg)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        TippingResult result = TippingSearch.Find(
            new TippingSettings { From = 0, To = 1, Tolerance = 0.1, Replicates = 10, MaxRuns = 10_000, Seed = 1 },
            new SyntheticContrast(0.37, Seed: 9).At);
        string twin = TippingChart.Draw(result, "model.transmission", "a − b", "competent_share_final", "test").Svg;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        return twin;
    }
}
