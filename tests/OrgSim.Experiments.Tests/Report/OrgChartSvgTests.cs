using System.Globalization;
using System.Xml.Linq;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

public class OrgChartSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static List<XElement> Circles(string svg) => XDocument.Parse(svg).Root!.Descendants(Svg + "circle").ToList();

    private static double Attribute(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);

    [Fact]
    public void Snapshot_IsWellFormedSvgWithOneCirclePerTeamATitleAndALegend()
    {
        string svg = OrgChartSvg.Snapshot(ReportFixtures.Chart(), 1, 4);

        XElement root = XDocument.Parse(svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        List<XElement> circles = Circles(svg);
        Assert.Equal(6, circles.Count);
        var texts = root.Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("top-down — week 4", texts);
        Assert.Equal(["0%", "25%", "50%", "75%", "100%"], texts.Where(t => t.EndsWith('%')));
        Assert.Contains(texts, t => t.StartsWith("Share of the team", StringComparison.Ordinal));
        Assert.Equal(ReportFixtures.Script + " — 8 people, 16% competent", circles[2].Element(Svg + "title")!.Value);
        Assert.DoesNotContain("data-team", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_ColoursFromLightGreyAtZeroToDarkBlueAtFullAndSizesCirclesByArea()
    {
        var chart = ReportFixtures.Chart([-1, 0, 0, 0], t => "t" + t, t => t == 0 ? 4 : 16, t => (byte)(t * 50 - 50 < 0 ? 0 : t * 50 - 50));

        List<XElement> circles = Circles(OrgChartSvg.Snapshot(chart, 0, 1));

        Assert.Equal(["#eeeeee", "#eeeeee", "#4eb3d3", "#084081"], circles.Select(c => (string)c.Attribute("fill")!));
        double r0 = Attribute(circles[0], "r"), r1 = Attribute(circles[1], "r");
        Assert.Equal(4.0 / 16, r0 * r0 / (r1 * r1), 2);
    }

    [Fact]
    public void Snapshot_DrawsChildrenBelowTheirParentAndNoTwoCirclesOnARowOverlap()
    {
        var random = new Random(4);
        int[] parents = Enumerable.Range(0, 150).Select(i => i == 0 ? -1 : random.Next(Math.Max(0, i - 20), i)).ToArray();
        var chart = ReportFixtures.Chart(parents, t => "t" + t, t => 1 + random.Next(30), _ => 0);

        List<XElement> circles = Circles(OrgChartSvg.Snapshot(chart, 0, 0));

        Assert.Equal(150, circles.Count);
        for (int t = 1; t < parents.Length; t++)
        {
            Assert.True(Attribute(circles[t], "cy") > Attribute(circles[parents[t]], "cy"));
        }

        foreach (var row in circles.GroupBy(c => Attribute(c, "cy")))
        {
            var ordered = row.OrderBy(c => Attribute(c, "cx")).ToList();
            Assert.All(ordered.Zip(ordered.Skip(1)), p =>
                Assert.True(Attribute(p.Second, "cx") - Attribute(p.First, "cx") >= Attribute(p.First, "r") + Attribute(p.Second, "r")));
        }
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
    public void Snapshot_GroupsALargeOrganisationByLevelWithinItsLargestUnits()
    {
        // A top team over 20 divisions of 30 teams each: 621 teams. Division d has d + 1 people per
        // team, so divisions 5..19 are the 15 largest and 0..4 share the "other units" column.
        // Everything in division 19 is at 100% in week 1.
        var parents = new List<int> { -1 };
        var division = new List<int> { -1 };
        for (int d = 0; d < 20; d++)
        {
            int head = parents.Count;
            parents.Add(0);
            division.Add(d);
            for (int t = 0; t < 30; t++)
            {
                parents.Add(head);
                division.Add(d);
            }
        }

        var chart = ReportFixtures.Chart(parents, t => division[t] < 0 ? "Top" : "Div" + division[t].ToString(CultureInfo.InvariantCulture) + (parents[t] == 0 ? string.Empty : "-team"),
            t => division[t] + 1, t => (byte)(division[t] == 19 ? 100 : 0));

        string svg = OrgChartSvg.Snapshot(chart, 0, 1);

        List<XElement> circles = Circles(svg);
        Assert.Equal(1 + 16 + 16, circles.Count);
        Assert.Contains("621 teams drawn as 33 groups", svg, StringComparison.Ordinal);
        var byTitle = circles.ToDictionary(c => c.Element(Svg + "title")!.Value, c => (string)c.Attribute("fill")!);
        Assert.Equal("#084081", byTitle["30 teams under Div19 at level 2 — 600 people, 100% competent"]);
        Assert.Equal("#084081", byTitle["Div19 — 20 people, 100% competent"]);
        Assert.Equal("#eeeeee", byTitle["150 teams of 5 smaller units at level 2 — 450 people, 0% competent"]);
        Assert.True(circles.Select(c => Attribute(c, "cy")).Distinct().Count() == 3, "one row per level");
    }

    [Fact]
    public void Snapshot_GroupsAWideFlatForestIntoOneRowOfUnits()
    {
        var chart = ReportFixtures.Chart(Enumerable.Repeat(-1, 300).ToList(), t => "t" + t.ToString(CultureInfo.InvariantCulture), _ => 3, t => (byte)(t % 2 * 100));

        List<XElement> circles = Circles(OrgChartSvg.Snapshot(chart, 0, 1));

        Assert.Equal(16, circles.Count);
        Assert.Single(circles.Select(c => Attribute(c, "cy")).Distinct());
        // Units 0..14 are single teams (ties broken by order); the other 285 average to 50%.
        Assert.Equal("#4eb3d3", (string)circles[^1].Attribute("fill")!);
    }

    [Fact]
    public void Snapshot_SurvivesACycleOfParentsAndControlCharactersInNames()
    {
        var chart = ReportFixtures.Chart([1, 0], t => "a\u0001b\uD800", _ => 1, _ => 0);

        Assert.Equal(2, Circles(OrgChartSvg.Snapshot(chart, 0, 0)).Count);
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

    [Fact]
    public void Snapshot_OfAQuickstartSizedTree_FitsTwelveHundredUnitsWithCirclesOfAtLeastFourUnits()
    {
        // 1 + 1 + 8 + 8 × 7 + 56 × 1 … a hierarchy of 1,000 agents with span 8: about 126 teams, ~100 side by side.
        var parents = new List<int> { -1, 0 };
        var middle = new List<int>();
        for (int d = 0; d < 8; d++)
        {
            parents.Add(1);
            middle.Add(parents.Count - 1);
        }

        foreach (int m in middle)
        {
            for (int k = 0; k < 13; k++)
            {
                parents.Add(m);
            }
        }

        var chart = ReportFixtures.Chart(parents, t => "t" + t.ToString(CultureInfo.InvariantCulture), _ => 8, _ => 0);

        string svg = OrgChartSvg.Snapshot(chart, 0, 0);
        XElement root = XDocument.Parse(svg).Root!;
        List<XElement> circles = Circles(svg);

        Assert.Equal(parents.Count, circles.Count);
        Assert.True(Attribute(root, "width") <= 1200);
        Assert.All(circles, c => Assert.True(Attribute(c, "r") >= 4, (string)c.Attribute("r")!));
        Assert.All(circles, c => Assert.True(Attribute(c, "cx") - Attribute(c, "r") >= 0 && Attribute(c, "cx") + Attribute(c, "r") <= 1200));
        Assert.All(root.Descendants(Svg + "text"), t => Assert.True(Attribute(t, "font-size") <= 26));
        foreach (var row in circles.GroupBy(c => Attribute(c, "cy")))
        {
            var ordered = row.OrderBy(c => Attribute(c, "cx")).ToList();
            Assert.All(ordered.Zip(ordered.Skip(1)), p => Assert.True(Attribute(p.Second, "cx") - Attribute(p.First, "cx") >= Attribute(p.First, "r") + Attribute(p.Second, "r")));
        }
    }

    [Fact]
    public void Snapshot_OfTeamsWithoutManagers_WrapsThemIntoSeveralRows()
    {
        var chart = ReportFixtures.Chart(Enumerable.Repeat(-1, 125).ToList(), t => "t" + t.ToString(CultureInfo.InvariantCulture), _ => 8, _ => 0);

        string svg = OrgChartSvg.Snapshot(chart, 0, 0);
        List<XElement> circles = Circles(svg);

        Assert.Equal(125, circles.Count);
        Assert.InRange(circles.Select(c => Attribute(c, "cy")).Distinct().Count(), 3, 10);
        Assert.True(Attribute(XDocument.Parse(svg).Root!, "width") <= 1200);
        Assert.All(circles, c => Assert.True(Attribute(c, "r") >= 10));
        Assert.Equal(125, circles.Select(c => (Attribute(c, "cx"), Attribute(c, "cy"))).Distinct().Count());
    }
}
