using System.Globalization;
using System.Xml.Linq;
using OrgSim.Experiments.Charts;
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
        }
        finally
        {
            CultureInfo.CurrentCulture = prior;
        }
    }

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
