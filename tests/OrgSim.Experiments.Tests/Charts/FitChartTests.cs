using System.Xml.Linq;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Charts;

namespace OrgSim.Experiments.Tests.Charts;

public class FitChartTests
{
    private const string Survey = "week,competency,level,respondents,competent\n0,pacing,0,8,0\n10,pacing,0,8,4\n10,pacing,1,40,10\n";

    [Fact]
    public void Draw_HasAPanelPerCompetencyAndGroup_ADotPerRow_AndABandWhereRunsAreDefined()
    {
        ObservedSurvey observed = ObservedSurveyReader.Read(new StringReader(Survey), "s.csv");
        double[][] run = [[1, 0, 0, 0], [0.5, 0, 0.5, 0], [0.7, 0.1, 0.2, 0]], other = [[1, 0, 0, 0], [0.4, 0, 0.6, 0], [0.6, 0.1, 0.3, 0]];
        Chart chart = FitChart.Draw(observed, [run, other, run], "test");
        XDocument svg = XDocument.Parse(chart.Svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var texts = svg.Descendants(ns + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("pacing · level 0", texts);
        Assert.Contains("pacing · level 1", texts);
        Assert.Equal("0 0 900 ", ((string)svg.Root!.Attribute("viewBox")!)[..8]);

        // What is drawn in the data area: the groups clipped to the first clip rectangle.
        string area = svg.Descendants(ns + "clipPath").First().Element(ns + "rect")!.ToString();
        var clips = svg.Descendants(ns + "clipPath").Where(c => c.Element(ns + "rect")!.ToString() == area).Select(c => $"url(#{(string)c.Attribute("id")!})").ToHashSet();
        var drawn = svg.Descendants(ns + "g").Where(g => clips.Contains((string?)g.Attribute("clip-path") ?? "")).SelectMany(g => g.Elements()).ToList();
        Assert.Equal(3, drawn.Count(e => e.Name == ns + "ellipse")); // a dot per observed row (black: Skia leaves the fill to its default)

        // Level 0 has two waves (a band), level 1 one (a bar and a median tick, so its fit can still be judged).
        Assert.Equal(2, drawn.Count(e => e.Attribute("fill-opacity") is not null));
        Assert.Equal(2, drawn.Count(e => (string?)e.Attribute("stroke") == "#0072B2" && (string?)e.Attribute("stroke-width") == "2"));
        Assert.Equal(FitChart.FileName, chart.FileName);
        Assert.NotNull(chart.Png);
    }
}
