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
        double[][] run = [[1, 0, 0, 0], [0.5, 0, 0.5, 0], [0.7, 0.1, 0.2, 0]];
        Chart chart = FitChart.Draw(observed, [run, run, run], "test");
        XDocument svg = XDocument.Parse(chart.Svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(["pacing · level 0", "pacing · level 1"], svg.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "panel-title").Select(t => t.Value));
        Assert.Equal(3, svg.Descendants(ns + "circle").Count(c => (string?)c.Attribute("class") == "observed"));
        // Level 0 has two waves (a band), level 1 one (a bar and a median tick, so its fit can still be judged).
        Assert.Equal(1, svg.Descendants(ns + "path").Count(c => (string?)c.Attribute("class") == "band"));
        Assert.Equal(1, svg.Descendants(ns + "rect").Count(c => (string?)c.Attribute("class") == "band"));
        Assert.Equal(1, svg.Descendants(ns + "line").Count(c => (string?)c.Attribute("class") == "median"));
        Assert.Equal(FitChart.FileName, chart.FileName);
    }
}
