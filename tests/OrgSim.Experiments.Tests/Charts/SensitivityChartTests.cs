using System.Globalization;
using System.Xml.Linq;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Sensitivity;
using static OrgSim.Experiments.Tests.Charts.ChartSvg;

namespace OrgSim.Experiments.Tests.Charts;

public class SensitivityChartTests
{
    private const string Blue = "#0072B2", Orange = "#E69F00";

    private static readonly SensitivityOutput Gap = new("competent_share_final", "bottom-up", "competent_share_final", "top-down");

    private static OutputAnalysis Morris() =>
        new(Gap, new MorrisAnalysis([new MorrisIndices("model.transmission", 0.1, 0.25, 0.3), new MorrisIndices("model.practice.base", -0.4, 0.5, 0.2), new MorrisIndices("organisation.span", 0, 0.02, 0.01)], 10, 40), null, 0, 0, 1) { NoiseMuStar = 0.05 };

    private static OutputAnalysis Sobol() =>
        new(Gap, null, new SobolAnalysis(
            [
                new SobolIndices("a", new IndexEstimate(0.30, 0.20, 0.40), new IndexEstimate(0.60, 0.50, 0.70)),
                new SobolIndices("b", new IndexEstimate(0.02, -0.10, 0.15), new IndexEstimate(0.35, 0.25, 0.45)),
            ], 64, 384, 200, 1), 0, 0, 1);

    [Fact]
    public void Morris_RanksTheParametersByMuStar_WithTheirValues_SigmaDiamondsAndTheNoiseFloor()
    {
        Chart chart = SensitivityChart.Draw(Morris(), 0, "test")!;

        Assert.Equal("sensitivity-1.svg", chart.FileName);
        List<string> texts = Texts(chart);
        foreach (string text in (string[])["model.practice.base", "model.transmission", "organisation.span", "0.500", "0.250", "0.020", "μ*: mean |effect|", "σ: spread of the effects", "noise floor", "Morris, 10 trajectories,", "40 design points"])
        {
            Assert.Contains(text, texts);
        }

        // The most influential at the top.
        Assert.True(At(chart, "model.practice.base").Y < At(chart, "model.transmission").Y);
        Assert.True(At(chart, "model.transmission").Y < At(chart, "organisation.span").Y);
        Assert.Equal(3, Fills(chart).Count(f => f == Blue)); // a μ* bar per parameter
        Assert.Equal(3, Plotted(chart).Count(e => e.Name == Ns + "path" && e.Attributes().Select(a => a.Name.LocalName).SequenceEqual(["d"]))); // a σ diamond per parameter: filled black, Skia's default
        Assert.Single(Plotted(chart), e => Fill(e) == "#555555" && ((string)e.Attribute("d")!).Count(c => c == 'M') > 5); // the noise floor: Skia draws the dashes as filled pieces
        (double x, _, double width, _) = DataArea(chart);
        Assert.True(At(chart, "noise floor").X > x + width, "the legend is right of the data");
        Assert.True(Ink(chart, Blue) > 2000);
    }

    [Fact]
    public void Sobol_DrawsS1AndSTBarsPerParameter_EachWithItsWhisker()
    {
        Chart chart = SensitivityChart.Draw(Sobol(), 1, "test")!;

        Assert.Equal("sensitivity-2.svg", chart.FileName);
        Assert.Equal(2, Fills(chart).Count(f => f == Blue));
        Assert.Equal(2, Fills(chart).Count(f => f == Orange));
        Assert.Equal(12, Plotted(chart).Count(e => Stroke(e) is "#000000" or "BLACK" or "black")); // three strokes per whisker
        List<string> texts = Texts(chart);
        foreach (string text in (string[])["a", "b", "S1: alone", "ST: with interactions", "whiskers: bootstrap 95% CI", "Sobol', N = 64,", "384 design points", "share of the output's variance"])
        {
            Assert.Contains(text, texts);
        }

        Assert.True(At(chart, "a").Y < At(chart, "b").Y); // larger ST first
        Assert.True(Ink(chart, Orange) > 1000);
    }

    [Fact]
    public void Draw_IsTheSameInAnyCultureAndOnAnyThread()
    {
        string[] first = [SensitivityChart.Draw(Morris(), 0, "test")!.Svg, SensitivityChart.Draw(Sobol(), 1, "test")!.Svg];
        CultureInfo prior = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var drawn = new string[4][];
            Parallel.For(0, 4, i => drawn[i] = [SensitivityChart.Draw(Morris(), 0, "test")!.Svg, SensitivityChart.Draw(Sobol(), 1, "test")!.Svg]);
            Assert.All(drawn, d => Assert.Equal(first, d));
            string[] again = [SensitivityChart.Draw(Morris(), 0, "test")!.Svg, SensitivityChart.Draw(Sobol(), 1, "test")!.Svg];
            Assert.Equal(first, again);
        }
        finally
        {
            CultureInfo.CurrentCulture = prior;
        }

        foreach (string svg in first)
        {
            XElement root = XDocument.Parse(svg).Root!;
            Assert.StartsWith("0 0 900 ", (string?)root.Attribute("viewBox"), StringComparison.Ordinal);
            Assert.DoesNotMatch(@"=""-?\d+,\d", svg);
        }
    }

    [Fact]
    public void AnOutputWithoutVariance_HasNoChart()
    {
        OutputAnalysis flat = new(Gap, new MorrisAnalysis([new MorrisIndices("a", double.NaN, double.NaN, double.NaN)], 10, 40), null, 0, 0, 0);
        Assert.Null(SensitivityChart.Draw(flat, 0, "test"));
    }
}
