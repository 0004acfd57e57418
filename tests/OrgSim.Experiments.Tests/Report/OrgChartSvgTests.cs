using System.Globalization;
using System.Xml.Linq;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

public class OrgChartSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static List<XElement> Cells(string svg) => XDocument.Parse(svg).Root!.Elements(Svg + "g").ToList();

    private static double Attribute(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);

    /// <summary>A label as the reader sees it: its lines joined by spaces.</summary>
    private static string Label(XElement text) => text.Elements(Svg + "tspan").Any() ? string.Join(' ', text.Elements(Svg + "tspan").Select(t => t.Value)) : text.Value;

    [Fact]
    public void Snapshot_IsWellFormedSvgWithARectanglePerTeamLevelLabelsATitleAndALegend()
    {
        string svg = OrgChartSvg.Snapshot(ReportFixtures.Chart(), 1, 4);

        XElement root = XDocument.Parse(svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        List<XElement> cells = Cells(svg);
        Assert.Equal(6, cells.Count);
        Assert.All(cells, c => Assert.Single(c.Elements(Svg + "rect")));
        var texts = root.Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("top-down — week 4", texts);
        Assert.Equal(["Level 0", "Level 1", "Level 2"], root.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "level").Select(t => t.Value));
        Assert.Equal(["0%", "25%", "50%", "75%", "100%"], texts.Where(t => t.EndsWith('%')));
        Assert.Contains(texts, t => t.StartsWith("Colour: share of the team", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Element(Svg + "title")!.Value == ReportFixtures.Script + " — 8 people, 16% competent");
        Assert.DoesNotContain("data-cell", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_ColoursFromLightGreyAtZeroToDarkBlueAtFull_WithLabelsThatStayReadable()
    {
        var chart = ReportFixtures.Chart([-1, 0, 0, 0], t => "t" + t, t => t == 0 ? 4 : 16, t => (byte)(t * 50 - 50 < 0 ? 0 : t * 50 - 50));

        List<XElement> cells = Cells(OrgChartSvg.Snapshot(chart, 0, 1));

        Assert.Equal(["#eeeeee", "#eeeeee", "#4eb3d3", "#084081"], cells.Select(c => (string)c.Element(Svg + "rect")!.Attribute("fill")!));
        Assert.Equal(["#1a1a1a", "#1a1a1a", "#1a1a1a", "#ffffff"], cells.Select(c => (string)c.Element(Svg + "text")!.Attribute("fill")!));
    }

    [Theory]
    [InlineData("northwind")]
    [InlineData("5000")]
    public void Snapshot_WritesTheNameOfEveryLabelledUnitReadablyAndNoOtherText(string organisation)
    {
        OrgChart chart = organisation == "northwind" ? OrgChartIcicleTests.Northwind() : OrgChartIcicleTests.FiveThousand();
        OrgChartIcicle icicle = OrgChartIcicle.Compute(chart);

        List<XElement> cells = Cells(OrgChartSvg.Snapshot(chart, 0, 0));

        Assert.Equal(icicle.Cells.Count, cells.Count);
        for (int c = 0; c < cells.Count; c++)
        {
            XElement? text = cells[c].Element(Svg + "text");
            if (icicle.Cells[c].Label is null)
            {
                Assert.Null(text);
                continue;
            }

            Assert.NotNull(text);
            Assert.Equal(icicle.Cells[c].Name, Label(text));
            Assert.True(Attribute(text, "font-size") >= 11);
        }

        Assert.Contains(cells, c => c.Element(Svg + "text") is not null);
    }

    [Fact]
    public void Snapshot_SaysWhenTheChartWasRecordedAsGroups()
    {
        OrgChart chart = ReportFixtures.Chart() with { Grouping = new OrgChartGrouping(5_000, 0) };

        Assert.Contains("5,000 teams drawn as 6 groups: each rectangle is the teams of one unit at one level.", OrgChartSvg.Snapshot(chart, 0, 0), StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_SurvivesACycleOfParentsAndControlCharactersInNames()
    {
        var chart = ReportFixtures.Chart([1, 0], t => "a\u0001b\uD800", _ => 1, _ => 0);

        Assert.Equal(2, Cells(OrgChartSvg.Snapshot(chart, 0, 0)).Count);
    }

    [Fact]
    public void Snapshot_OfTeamsWithoutManagers_ShelvesThemOverRowsWithRoomForTheirNames()
    {
        var chart = ReportFixtures.Chart(Enumerable.Repeat(-1, 125).ToList(), t => "team " + t.ToString(CultureInfo.InvariantCulture), _ => 8, _ => 0);

        string svg = OrgChartSvg.Snapshot(chart, 0, 0);
        List<XElement> cells = Cells(svg);

        Assert.Equal(125, cells.Count);
        Assert.Equal(2, cells.Select(c => Attribute(c.Element(Svg + "rect")!, "y")).Distinct().Count());
        Assert.Equal(125, cells.Select(c => (Attribute(c.Element(Svg + "rect")!, "x"), Attribute(c.Element(Svg + "rect")!, "y"))).Distinct().Count());
        Assert.All(cells, c => Assert.Equal(c.Element(Svg + "title")!.Value.Split(" — ")[0], Label(c.Element(Svg + "text")!)));
        Assert.All(cells, c => Assert.True(Attribute(c.Element(Svg + "rect")!, "x") + Attribute(c.Element(Svg + "rect")!, "width") <= OrgChartIcicle.Width - OrgChartIcicle.Right + 1e-6));
        Assert.Equal(["Level 0"], XDocument.Parse(svg).Root!.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "level").Select(t => t.Value));
    }

    [Fact]
    public void Snapshots_GivesWeeksZeroToTheHorizonInQuartersForEachArm()
    {
        var snapshots = OrgChartSvg.Snapshots(ReportFixtures.Chart(), ReportFixtures.Horizon);

        Assert.Equal(
            ["bottom-up — week 0", "bottom-up — week 26", "bottom-up — week 52", "bottom-up — week 78", "bottom-up — week 104",
             "top-down — week 0", "top-down — week 26", "top-down — week 52", "top-down — week 78", "top-down — week 104"],
            snapshots.Select(s => s.Title));
        Assert.All(snapshots, s => XDocument.Parse(s.Svg));
        Assert.Equal(OrgChartSvg.Snapshot(ReportFixtures.Chart(), 1, 78), snapshots[8].Svg);

        // A horizon past the recorded weeks shows the last one rather than failing.
        Assert.Equal(["bottom-up — week 0", "bottom-up — week 104"], OrgChartSvg.Snapshots(ReportFixtures.Chart(), 1000).Select(s => s.Title).Take(2));
    }

    [Fact]
    public void Snapshot_RejectsAnArmOrWeekThatDoesNotExist()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrgChartSvg.Snapshot(ReportFixtures.Chart(), 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrgChartSvg.Snapshot(ReportFixtures.Chart(), 0, ReportFixtures.Horizon + 1));
    }

    [Fact]
    public void Snapshot_IsTheSameInEveryCulture()
    {
        var random = new Random(2);
        int[] parents = Enumerable.Range(0, 60).Select(i => i == 0 ? -1 : random.Next(0, i)).ToArray();
        OrgChart chart = ReportFixtures.Chart(parents, t => "t", t => t % 7 + 1, t => (byte)t);

        string invariant = ReportFixtures.InCulture("en-US", () => OrgChartSvg.Snapshot(chart, 0, 1));

        Assert.Equal(invariant, ReportFixtures.InCulture("de-DE", () => OrgChartSvg.Snapshot(chart, 0, 1)));
        Assert.Equal(invariant, ReportFixtures.InCulture("ar-SA", () => OrgChartSvg.Snapshot(chart, 0, 1)));
    }
}
