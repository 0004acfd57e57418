using System.Globalization;
using System.Xml.Linq;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Charts;

public class ChartTests
{
    private const int H = 10;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Draw_WithOnePoint_WritesEveryChartButTheHeatmap()
    {
        Assert.Equal(
            ["adoption.svg", "stages-decisiveness.svg", "stages-circularity.svg", "stages-pacing.svg", "stages-feedforward.svg",
             "weeks-to.svg", "levels.svg", "front.svg", "retention.svg", "wheel.svg", "wheel-teams.svg"],
            ChartSet.Draw(Tables(), Org()).Select(c => c.FileName));
        Assert.DoesNotContain(ChartSet.Draw(Tables(), null), c => c.FileName == "wheel-teams.svg");
    }

    [Fact]
    public void Draw_WithoutResults_DrawsNothing() => Assert.Empty(ChartSet.Draw(Tables() with { Series = [] }, null));

    [Fact]
    public void EverySvg_IsWellFormedAndScalable()
    {
        foreach (Chart chart in ChartSet.Draw(Tables(points: 2), Org()))
        {
            XElement root = XDocument.Parse(chart.Svg).Root!;
            Assert.Equal(Svg + "svg", root.Name);
            Assert.StartsWith("0 0 900 ", (string?)root.Attribute("viewBox"), StringComparison.Ordinal);
            Assert.Contains(chart.Title, Texts(chart));
            Assert.DoesNotContain('\r', chart.Svg);
            Assert.EndsWith(">\n", chart.Svg, StringComparison.Ordinal);
            Assert.StartsWith("<svg ", chart.Svg, StringComparison.Ordinal); // no XML declaration: inlinable
        }
    }

    private const string BottomUp = "#0072B2", TopDown = "#E69F00";

    [Fact]
    public void Adoption_HasALineAndABandPerArmAndTitledAxes()
    {
        Chart chart = Get("adoption.svg");
        Assert.Equal([BottomUp, TopDown], Lines(chart).Select(Stroke).Distinct());
        Assert.Equal(2, Lines(chart).Count);
        Assert.Equal([BottomUp, TopDown], Bands(chart).Select(Fill));
        Assert.Contains("bottom-up", Texts(chart));
        Assert.Contains("top-down", Texts(chart));
        Assert.Contains("weeks", Texts(chart));
        Assert.Contains("% of agent–competency pairs at stage ≥ 2", Texts(chart));
        Assert.Contains("charts-test · mean of 4 runs per arm", Texts(chart));
        foreach (string tick in (string[])["0%", "20%", "40%", "60%", "80%", "100%", "0", "2", "4", "6", "8", "10"])
        {
            Assert.Contains(tick, Texts(chart));
        }
    }

    [Fact]
    public void Adoption_BandsStayInsideThePlot_WhenAnIntervalReachesPast0Or100Percent()
    {
        // Two replicates give 95% intervals far wider than the share's range: they ran over the title.
        ResultTables wide = Tables();
        wide = wide with { Series = wide.Series.Select(s => s with { CompetentShare = s.CompetentShare.Select(b => b with { Low = b.Mean - 0.8, High = b.Mean + 0.8 }).ToList() }).ToList() };

        Chart chart = ChartSet.Draw(wide, null).Single(c => c.FileName == "adoption.svg");

        (double top, double bottom) = (DataArea(chart).Y, DataArea(chart).Y + DataArea(chart).Height);
        var ys = Bands(chart)
            .SelectMany(p => System.Text.RegularExpressions.Regex.Matches((string)p.Attribute("d")!, @"[ML]-?[0-9.]+ (-?[0-9.]+)").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.NotEmpty(ys);
        Assert.All(ys, y => Assert.InRange(y, top - 0.01, bottom + 0.01)); // 100% at the plot's top, 0% at its bottom
    }

    [Theory]
    [InlineData("adoption.svg")]
    [InlineData("stages-pacing.svg")]
    [InlineData("weeks-to.svg")]
    [InlineData("levels.svg")]
    [InlineData("front.svg")]
    [InlineData("retention.svg")]
    public void Legend_IsOutsideTheDataArea(string fileName)
    {
        Chart chart = Get(fileName);
        (double x, _, double width, _) = DataArea(chart);
        string first = fileName.StartsWith("stages", StringComparison.Ordinal) ? "stage 0: unaware" : "bottom-up";
        // The first legend entry: the last text of that content (a stage chart's panels are titled by arm).
        XElement entry = XDocument.Parse(chart.Svg).Descendants(Svg + "text").Last(t => t.Value.Trim() == first);
        Assert.True(Translate(entry).X > x + width, $"{first} at {Translate(entry).X}, data area ends at {x + width}");
    }

    [Fact]
    public void Stages_HaveFourAreasPerArmPanelAndTheStageNames()
    {
        foreach (string name in ResultTables.CompetencyNames)
        {
            Chart chart = Get($"stages-{name}.svg");
            var areas = Plotted(chart).Where(e => e.Name == Svg + "path" && e.Attribute("fill") is not null && (string?)e.Attribute("stroke") is null).ToList();
            Assert.Equal(8, areas.Count);
            Assert.Equal(["#0072B2", "#56B4E9", "#F0E442", "#DDDDDD", "#0072B2", "#56B4E9", "#F0E442", "#DDDDDD"], areas.Select(Fill));
            Assert.Contains("stage 3: habit", Texts(chart));
            Assert.Contains("bottom-up", Texts(chart)); // the panels' titles
            Assert.Contains("top-down", Texts(chart));
            Assert.Contains($"Stages of {name} over time", Texts(chart));
        }
    }

    [Fact]
    public void WeeksTo_DrawsBarsWhiskersCensoredBarsAndNever()
    {
        // 50%: bottom-up reached in every run, top-down in half; 90%: bottom-up in half, top-down never.
        Chart chart = Get("weeks-to.svg");
        // Skia writes a filled rectangle as a rect or as a path.
        Assert.Single(Plotted(chart), e => e.Name == Svg + "rect" && (string?)e.Attribute("stroke") is null && e.Attribute("fill-opacity") is null && Fill(e) is BottomUp or TopDown);
        Assert.Equal(2, Plotted(chart).Count(e => e.Attribute("fill-opacity") is not null && Fill(e) is BottomUp or TopDown)); // the censored ones are pale
        Assert.Equal(9, Plotted(chart).Count(e => (string?)e.Attribute("stroke") == "black")); // three whiskers of three strokes
        Assert.Single(Texts(chart), "never");
        Assert.Contains("4.0", Texts(chart));
        Assert.DoesNotContain("7.5", Texts(chart)); // censored bars carry no number
        Assert.DoesNotContain("9.0", Texts(chart));
        Assert.Equal(["4/4 runs", "2/4 runs", "2/4 runs", "0/4 runs"], Texts(chart).Where(t => t.EndsWith(" runs", StringComparison.Ordinal)));
        Assert.Contains("weeks", Texts(chart));
        Assert.Contains(Texts(chart), t => t.StartsWith("Pale bars carry no number", StringComparison.Ordinal));
    }

    [Fact]
    public void WeeksTo_CapsBarsAtTheHorizon_AndNoLabelReachesTheHorizonLine()
    {
        // top-down reached 90% in 1 of 4 runs: the mean 10.8 and its interval up to 12 rest on the H + 1 placeholder;
        // bottom-up's 9.8 weeks to 90% stands just under the horizon, where its labels used to meet the dashed line.
        ResultTables tables = Tables() with
        {
            Summary = [.. Tables().Summary.Where(r => !r.Metric.EndsWith("90pct", StringComparison.Ordinal)),
                new StatRow(0, "top-down", "weeks_to_90pct", 10.8, 9.5, 12, 4), new StatRow(0, "top-down", "reached_90pct", 0.25, 0, 0.7, 4),
                new StatRow(0, "bottom-up", "weeks_to_90pct", 9.8, 9.6, 10, 4), new StatRow(0, "bottom-up", "reached_90pct", 1, 1, 1, 4)],
        };
        Chart chart = ChartSet.Draw(tables, null).Single(c => c.FileName == "weeks-to.svg");

        double horizon = YOfTick(chart, "10");
        var tops = Plotted(chart).Where(e => Fill(e) is BottomUp or TopDown && (string?)e.Attribute("stroke") is null && (e.Name == Svg + "rect" || e.Attribute("fill-opacity") is not null))
            .Select(e => e.Name == Svg + "rect" ? (double)e.Attribute("y")! : System.Text.RegularExpressions.Regex.Matches((string)e.Attribute("d")!, @"[ML]-?[0-9.]+ (-?[0-9.]+)").Min(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.True(tops.Count >= 3, $"{tops.Count} bars found"); // Skia writes a rectangle as a rect or as a path; the dashes of a pale bar's outline are left out
        Assert.All(tops, top => Assert.True(top >= horizon - 0.5, $"a bar reaches {top}, over the horizon at {horizon}"));
        Assert.DoesNotContain("10.8", Texts(chart));
        Assert.Contains("9.8", Texts(chart));
        Assert.Contains("1/4 runs", Texts(chart));
        (double x, _, double width, _) = DataArea(chart);
        var labels = XDocument.Parse(chart.Svg).Descendants(Svg + "text").Where(t => Translate(t).X > x + 5 && Translate(t).X < x + width - 5 && Translate(t).Y < horizon + 40).ToList();
        Assert.NotEmpty(labels);
        Assert.All(labels, t => Assert.True(Baseline(t) - FontSize(t) > horizon + 1, $"'{t.Value.Trim()}' reaches the horizon line at {horizon}"));
    }

    [Fact]
    public void WeeksTo_WithFiveArms_ShortensTheCounts_AndKeepsNeighbouringNeversApart()
    {
        // Five arms: the bars are narrower than "0/4 runs"; four arms never reached 90%, side by side.
        string[] arms = ["a1", "a2", "a3", "a4", "a5"];
        ResultTables five = Tables(arms: arms);
        five = five with
        {
            Summary = [.. five.Summary, .. arms.Skip(2).SelectMany(arm => new[]
            {
                new StatRow(0, arm, "competent_share_final", 0.2, 0.1, 0.3, 4),
                new StatRow(0, arm, "weeks_to_50pct", H + 1, H + 1, H + 1, 4), new StatRow(0, arm, "reached_50pct", 0, 0, 0, 4),
                new StatRow(0, arm, "weeks_to_90pct", H + 1, H + 1, H + 1, 4), new StatRow(0, arm, "reached_90pct", 0, 0, 0, 4),
            })],
        };
        Chart chart = ChartSet.Draw(five, null).Single(c => c.FileName == "weeks-to.svg");

        Assert.DoesNotContain(Texts(chart), t => t.EndsWith(" runs", StringComparison.Ordinal) && t.Contains('/', StringComparison.Ordinal));
        Assert.Contains("0/4", Texts(chart));
        var nevers = XDocument.Parse(chart.Svg).Descendants(Svg + "text").Where(t => t.Value.Trim() == "never").Select(t => (Translate(t).X, Baseline(t), Size: FontSize(t))).ToList();
        Assert.Equal(7, nevers.Count); // three arms at 50%, four at 90%
        foreach (var one in nevers)
        {
            // "never" is about 2.6 em wide: two on one baseline must be further apart than that.
            Assert.DoesNotContain(nevers, other => other != one && Math.Abs(other.Item2 - one.Item2) < one.Size && Math.Abs(other.X - one.X) < 2.6 * one.Size);
        }
    }

    [Fact]
    public void Levels_HasABarPerArmAndLevel()
    {
        Chart chart = Get("levels.svg");
        Assert.Equal(6, Plotted(chart).Count(e => e.Name == Svg + "rect" && Fill(e) is BottomUp or TopDown));
        Assert.Contains("level 0", Texts(chart));
        Assert.Contains("(top)", Texts(chart));
        Assert.Contains("(front line)", Texts(chart));
        Assert.Contains("50%", Texts(chart)); // bottom-up's top level
        Assert.Contains("hierarchy level (0 = top)", Texts(chart));
    }

    [Fact]
    public void Levels_IsLeftOutWithASingleLevel()
    {
        ResultTables flat = Tables() with { Series = [.. Tables().Series.Select(s => s with { LevelShares = s.LevelShares.Select(l => (IReadOnlyList<double>)[l[0]]).ToList() })] };
        Assert.Null(LevelsChart.Draw(new ChartInput(flat, flat.Series, "flat")));
        Assert.DoesNotContain(ChartSet.Draw(flat, null), c => c.FileName == "levels.svg");
    }

    [Fact]
    public void Front_HasAMeanAndAMaxLinePerArm_AndSkipsWeeksWithoutData()
    {
        Chart chart = Get("front.svg");
        // The mean is one stroked line from week 1 (week 0 has no competent agent); the max is dashed, drawn as dashes.
        Assert.Equal([BottomUp, TopDown], Lines(chart).Select(Stroke));
        Assert.All(Lines(chart), p => Assert.Single(((string)p.Attribute("d")!).Split('M', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(2, Plotted(chart).Count(e => e.Name == Svg + "path" && (string?)e.Attribute("stroke") is null && Fill(e) is BottomUp or TopDown));
        Assert.Contains("distance from the nearest seed (hops)", Texts(chart));
    }

    [Fact]
    public void Retention_HasALineAndABandPerArm_EndingWhereNoRunReached()
    {
        Chart chart = Get("retention.svg");
        Assert.Equal([BottomUp, TopDown], Lines(chart).Select(Stroke));
        Assert.Equal([BottomUp, TopDown], Bands(chart).Select(Fill));
        Assert.Contains("weeks since training", Texts(chart));
        Assert.Contains("8", Texts(chart)); // weeks 9 and 10 are undefined: the axis ends at week 8
        Assert.DoesNotContain("10", Texts(chart));
    }

    [Fact]
    public void StatisticalCharts_DrawThePngFromTheSamePlot_AtTheAskedWidth_WithEachArmsColour()
    {
        foreach (Chart chart in ChartSet.Draw(Tables(), Org()).Where(c => !c.FileName.StartsWith("wheel", StringComparison.Ordinal)))
        {
            Assert.NotNull(chart.Png);
            byte[] png = chart.Png(1200);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
            using var bitmap = SkiaSharp.SKBitmap.Decode(png);
            Assert.Equal(1200, bitmap.Width);
            Assert.Equal(720, bitmap.Height); // 900 × 540 scaled
            // A stage chart is drawn in the stages' colours; on the front chart both arms have the same line, top-down's on top.
            if (chart.FileName is not ("front.svg" or "stages-decisiveness.svg" or "stages-circularity.svg" or "stages-pacing.svg" or "stages-feedforward.svg"))
            {
                Assert.True(Ink(bitmap, BottomUp) > 200, $"{chart.FileName}: no bottom-up ink");
                Assert.True(Ink(bitmap, TopDown) > 200, $"{chart.FileName}: no top-down ink");
            }

            Assert.True(Ink(bitmap, "#222222") > 500, $"{chart.FileName}: no text"); // the title and labels are drawn
        }
    }

    [Fact]
    public void Draw_IsTheSameOnEveryThread()
    {
        // Two sweep points, so that the heatmap is drawn too.
        string[] first = ChartSet.Draw(Tables(points: 2), null).Select(c => c.Svg).ToArray();
        Assert.Contains(first, svg => svg.Contains("across the sweep", StringComparison.Ordinal));
        var drawn = new string[4][];
        Parallel.For(0, drawn.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => drawn[i] = ChartSet.Draw(Tables(points: 2), null).Select(c => c.Svg).ToArray());
        Assert.All(drawn, svgs => Assert.Equal(first, svgs));
    }

    [Fact]
    public void StatisticalCharts_HaveIdsOfTheirOwn_SoThatOneHtmlPageCanInlineThemAll()
    {
        var ids = ChartSet.Draw(Tables(), Org())
            .SelectMany(c => XDocument.Parse(c.Svg).Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>())
            .ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("adoption-clip1", ids);
    }

    [Fact]
    public void Heatmap_IsDrawnOnlyForASweep_WithACellPerPointAndArm_ColouredAndLabelledByItsShare()
    {
        Assert.DoesNotContain(ChartSet.Draw(Tables(), null), c => c.FileName == "heatmap.svg");
        Chart chart = ChartSet.Draw(Tables(points: 3), null).Single(c => c.FileName == "heatmap.svg");

        // Row by row, bottom-up then top-down: 50% and 30% at the first point, 10 points more at each next one.
        double[] shares = [0.5, 0.3, 0.6, 0.4, 0.7, 0.5];
        Assert.Equal(shares.Select(Palette.Scale), Cells(chart).Select(Fill));
        List<string> texts = Texts(chart);
        foreach (string label in (string[])["spread.rate = 0.1", "spread.rate = 0.2", "spread.rate = 0.3", "bottom-up", "top-down", "50%", "30%", "60%", "40%", "70%"])
        {
            Assert.Contains(label, texts);
        }

        Assert.Equal(2, texts.Count(t => t == "50%") - 1); // two cells and the colour scale's entry
        (double x, _, double width, _) = DataArea(chart);
        XElement scale = XDocument.Parse(chart.Svg).Descendants(Svg + "text").Single(t => t.Value.Trim() == "competent share");
        Assert.True(Translate(scale).X > x + width, "the colour scale is right of the cells");
        Assert.StartsWith("0 0 900 ", (string?)XDocument.Parse(chart.Svg).Root!.Attribute("viewBox"), StringComparison.Ordinal);

        byte[] png = chart.Png!(1200);
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal(1200, bitmap.Width);
        Assert.True(Ink(bitmap, Palette.Scale(0.7)) > 2000, "the 70% cell is drawn");
        Assert.True(Ink(bitmap, "#222222") > 500, "no text");
    }

    [Fact]
    public void Heatmap_OfAThreeParameterGrid_LabelsRowsByTheVaryingValuesInPanelsOfReadableSize()
    {
        // 3 × 4 × 5 = 60 points over three varying parameters and one fixed one.
        string[] transmissions = ["0.02", "0.05", "0.08"], boosts = ["0", "0.5", "1", "2"], sizes = ["250", "500", "1000", "2000", "4000"];
        var points = (from a in transmissions from b in boosts from c in sizes
                      select (IReadOnlyList<string>)[a, "8", b, c]).ToList();
        ResultTables tables = Tables(points: 60) with { ParameterPaths = ["model.transmission", "organisation.span", "model.practice.support_boost", "organisation.agents"], Points = points };

        Chart chart = ChartSet.Draw(tables, null).Single(c => c.FileName == "heatmap.svg");

        Assert.Equal(120, Cells(chart).Count);
        List<string> texts = Texts(chart);
        Assert.Equal(["transmission = 0.02", "transmission = 0.05", "transmission = 0.08"], texts.Where(t => t.StartsWith("transmission = ", StringComparison.Ordinal)));
        Assert.Contains(texts, t => t.Contains("support_boost · agents", StringComparison.Ordinal));
        Assert.Equal(3, texts.Count(t => t == "0 · 250")); // once in each panel
        Assert.Equal(20, texts.Where(t => t.Contains(" · ", StringComparison.Ordinal) && char.IsDigit(t[0])).Distinct().Count());
        var root = XDocument.Parse(chart.Svg).Root!;
        double width = double.Parse((string)root.Attribute("width")!, CultureInfo.InvariantCulture), height = double.Parse((string)root.Attribute("height")!, CultureInfo.InvariantCulture);
        Assert.True(height / width < 2, $"{width} × {height}");
    }

    /// <summary>A heatmap's cells: rectangles filled in the data area (their white edges are drawn apart, unfilled).</summary>
    private static List<XElement> Cells(Chart chart) =>
        Plotted(chart).Where(e => e.Name == Svg + "rect" && e.Attribute("stroke") is null && Fill(e).StartsWith('#')).ToList();

    [Fact]
    public void Wheel_HasFourArcsPerArm_RatedOneToNine()
    {
        Chart chart = Get("wheel.svg");
        Assert.Equal(2, Count(chart, "g", "wheel"));
        Assert.Equal(8, Count(chart, "path", "arc"));
        Assert.Equal(18, Count(chart, "circle", "ring"));
        // bottom-up ends with 50% at stage ≥ 2 in every competency: 1 + 8 × 0.5 = 5.
        Assert.Contains("decisiveness 5.0", Texts(chart));
        Assert.Contains("feedforward 5.0", Texts(chart));
        Assert.Equal(1, WheelChart.Rating(0));
        Assert.Equal(9, WheelChart.Rating(1));
    }

    [Fact]
    public void TeamWheels_ShowASpreadOfFrontLineTeams_FromLeastToMostCompetent()
    {
        Chart chart = ChartSet.Draw(Tables(), Org(spread: true)).Single(c => c.FileName == "wheel-teams.svg");
        Assert.Equal(12, Count(chart, "g", "wheel"));
        var titles = Elements(chart, "text", "panel-title").Select(e => e.Value).ToList();
        Assert.Equal("team 1", titles[0]); // least competent front-line team
        Assert.Equal("team 14", titles[^1]); // most competent
        Assert.DoesNotContain("team 0", titles); // the top team is not front line
        Assert.Equal(12, titles.Distinct().Count());
        Assert.Equal(["arm bottom-up"], Elements(chart, "text", "arm-title").Select(e => e.Value));
        Assert.Equal(48, Count(chart, "path", "arc"));
    }

    [Fact]
    public void TeamWheels_AreDrawnForEveryArm()
    {
        OrgChart one = Org(spread: true);
        var other = one.FinalCompetencyShares[0].Select(s => (IReadOnlyList<double>)s.Select(v => v / 2).ToList()).ToList();
        OrgChart two = one with { Arms = [.. one.Arms, new OrgChartArm("top-down", one.Arms[0].Weeks)], FinalCompetencyShares = [one.FinalCompetencyShares[0], other] };

        Chart chart = ChartSet.Draw(Tables(), two).Single(c => c.FileName == "wheel-teams.svg");

        Assert.Equal(["arm bottom-up", "arm top-down"], Elements(chart, "text", "arm-title").Select(e => e.Value));
        Assert.Equal(16, Count(chart, "g", "wheel"));
        var titles = Elements(chart, "text", "panel-title").Select(e => e.Value).ToList();
        Assert.Equal(titles[..8], titles[8..]); // the same teams for both arms
        Assert.Contains("<script>alert(1)</script>", Titles(chart)); // shortened on the panel, whole in its tooltip
    }

    [Fact]
    public void TeamWheels_OfAGroupedChart_ShowTheFrontLineGroupOfEachUnitOnce()
    {
        // 20 divisions of three depths: their front-line teams sit at levels 2, 3 and 4. The
        // chart's groups are one column per unit (the 15 largest and the pooled rest), one group
        // per level; a unit's front line is the bottom group of its column.
        OrgSim.Core.Graph.OrgGraph graph = Divisions(20);
        var recorder = new OrgChartRecorder(graph, maxRecordedTeams: 1);
        var state = new OrgSim.Core.Agents.AgentState(graph.NodeCount);
        for (int v = 0; v < graph.NodeCount; v += 3)
        {
            state.SetStage(v, OrgSim.Core.Agents.Competency.Decisiveness, OrgSim.Core.Agents.Stage.ConsciousCompetence);
        }

        recorder.Record(0, state);
        OrgChart chart = OrgChart.ForArm("bottom-up", recorder);
        Assert.NotNull(chart.Grouping);
        var parents = chart.Teams.Select(t => t.Parent).ToHashSet();
        var frontLine = chart.Teams.Where(t => !parents.Contains(t.Id)).Select(t => t.Label).ToList();
        Assert.Equal(16, frontLine.Count); // 15 units of their own and the pool

        Chart wheels = ChartSet.Draw(Tables(), chart).Single(c => c.FileName == "wheel-teams.svg");

        // Each wheel's tooltip is its group's whole label (the panel's title may be shortened).
        var titles = Elements(wheels, "g", "wheel").Select(g => g.Element(Svg + "title")!.Value).ToList();
        Assert.Equal(12, titles.Count);
        Assert.Equal(12, titles.Distinct().Count());
        Assert.All(titles, title => Assert.Contains(title, frontLine));
        Assert.Equal("Competency wheels of front-line groups of teams", wheels.Title);
    }

    [Fact]
    public void NamesFromData_AreEscapedEverywhere()
    {
        const string evil = "<script>alert(1)</script>";
        ResultTables tables = Tables(points: 2, arms: [evil, "top-down & co"]);
        foreach (Chart chart in ChartSet.Draw(tables, Org(evil)))
        {
            Assert.DoesNotContain("<script", chart.Svg, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(evil, Texts(chart).Concat(Titles(chart)));
        }

        Assert.Contains("top-down & co", Texts(ChartSet.Draw(tables, null)[0]));
    }

    [Fact]
    public void Draw_IsDeterministicAndCultureInvariant()
    {
        string[] first = ChartSet.Draw(Tables(points: 2), Org()).Select(c => c.Svg).ToArray();
        CultureInfo culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(first, ChartSet.Draw(Tables(points: 2), Org()).Select(c => c.Svg));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(0, 1, new[] { 0, 0.2, 0.4, 0.6, 0.8, 1 })]
    [InlineData(0, 105, new[] { 0.0, 20, 40, 60, 80, 100, 120 })]
    [InlineData(0, 100, new[] { 0.0, 20, 40, 60, 80, 100 })]
    [InlineData(0, 10, new[] { 0.0, 2, 4, 6, 8, 10 })]
    [InlineData(0, 3, new[] { 0, 0.5, 1, 1.5, 2, 2.5, 3 })]
    [InlineData(-7, 13, new[] { -10.0, -5, 0, 5, 10, 15 })]
    [InlineData(2, 2, new[] { 2, 2.2, 2.4, 2.6, 2.8, 3 })]
    [InlineData(0, 0.003, new[] { 0, 0.0005, 0.001, 0.0015, 0.002, 0.0025, 0.003 })]
    public void NiceTicks_Covering_RoundsOutwardsToOneTwoOrFiveTimesAPowerOfTen(double min, double max, double[] expected) =>
        Assert.Equal(expected, NiceTicks.Covering(min, max));

    [Theory]
    [InlineData(0, 104, new[] { 0.0, 20, 40, 60, 80, 100 })]
    [InlineData(0, 13, new[] { 0.0, 2, 4, 6, 8, 10, 12 })]
    [InlineData(0, 52, new[] { 0.0, 10, 20, 30, 40, 50 })]
    public void NiceTicks_Inside_StaysWithinFixedEnds(double min, double max, double[] expected) =>
        Assert.Equal(expected, NiceTicks.Inside(min, max));

    [Fact]
    public void NiceTicks_Label_UsesTheStepsDecimalsInTheInvariantCulture()
    {
        Assert.Equal("0.6", NiceTicks.Label(0.6, [0, 0.2]));
        Assert.Equal("40", NiceTicks.Label(40, [0, 20]));
    }

    /// <summary>What ScottPlot drew inside the data area: the children of the groups clipped to it.</summary>
    private static List<XElement> Plotted(Chart chart)
    {
        XDocument svg = XDocument.Parse(chart.Svg);
        string area = DataRect(svg);
        var clips = svg.Descendants(Svg + "clipPath").Where(c => c.Element(Svg + "rect")!.ToString() == area).Select(c => $"url(#{(string)c.Attribute("id")!})").ToHashSet();
        return svg.Descendants(Svg + "g").Where(g => clips.Contains((string?)g.Attribute("clip-path") ?? "")).SelectMany(g => g.Elements()).ToList();
    }

    /// <summary>The first clip rectangle, the data area's, as text.</summary>
    private static string DataRect(XDocument svg) => svg.Descendants(Svg + "clipPath").First().Element(Svg + "rect")!.ToString();

    /// <summary>The series' lines: paths stroked 3 px wide in the data area.</summary>
    private static List<XElement> Lines(Chart chart) =>
        Plotted(chart).Where(e => e.Name == Svg + "path" && (string?)e.Attribute("stroke-width") == "3" && Fill(e) == "none").ToList();

    /// <summary>The 95% bands: translucent filled paths in the data area.</summary>
    private static List<XElement> Bands(Chart chart) =>
        Plotted(chart).Where(e => e.Name == Svg + "path" && e.Attribute("fill-opacity") is not null).ToList();

    private static string Fill(XElement e) => Hex((string?)e.Attribute("fill") ?? "");

    private static string Stroke(XElement e) => Hex((string?)e.Attribute("stroke") ?? "");

    /// <summary>"#abc" as "#AABBCC"; anything else as it is.</summary>
    private static string Hex(string colour) =>
        colour.Length == 4 && colour[0] == '#' ? $"#{colour[1]}{colour[1]}{colour[2]}{colour[2]}{colour[3]}{colour[3]}".ToUpperInvariant() : colour.ToUpperInvariant() is var upper && upper.StartsWith('#') ? upper : colour;

    /// <summary>The data area: the rectangle every plottable is clipped to.</summary>
    private static (double X, double Y, double Width, double Height) DataArea(Chart chart)
    {
        XElement rect = XDocument.Parse(chart.Svg).Descendants(Svg + "clipPath").First().Element(Svg + "rect")!;
        double A(string name) => double.Parse((string)rect.Attribute(name)!, CultureInfo.InvariantCulture);
        return (A("x"), A("y"), A("width"), A("height"));
    }

    /// <summary>Where Skia put a text: its translate(x y).</summary>
    private static (double X, double Y) Translate(XElement text)
    {
        var m = System.Text.RegularExpressions.Regex.Match((string?)text.Attribute("transform") ?? "", @"translate\((-?[0-9.]+) (-?[0-9.]+)\)");
        return m.Success ? (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) : (double.NaN, double.NaN);
    }

    /// <summary>A text's baseline on the page: its translate plus its first glyph's y.</summary>
    private static double Baseline(XElement text) =>
        Translate(text).Y + double.Parse(((string)text.Attribute("y")!).Split(',')[0], CultureInfo.InvariantCulture);

    private static double FontSize(XElement text) => double.Parse((string)text.Attribute("font-size")!, CultureInfo.InvariantCulture);

    /// <summary>The page y of a y-axis tick: the middle of its label, the leftmost text with that content.</summary>
    private static double YOfTick(Chart chart, string label)
    {
        XElement text = XDocument.Parse(chart.Svg).Descendants(Svg + "text").Where(t => t.Value.Trim() == label).MinBy(t => Translate(t).X)!;
        return Translate(text).Y;
    }

    /// <summary>How many pixels are within a small distance of <paramref name="colour"/>.</summary>
    private static int Ink(SkiaSharp.SKBitmap bitmap, string colour)
    {
        var c = SkiaSharp.SKColor.Parse(colour);
        int count = 0;
        foreach (SkiaSharp.SKColor p in bitmap.Pixels)
        {
            if (Math.Abs(p.Red - c.Red) + Math.Abs(p.Green - c.Green) + Math.Abs(p.Blue - c.Blue) < 24)
            {
                count++;
            }
        }

        return count;
    }

    private static Chart Get(string fileName) => ChartSet.Draw(Tables(), Org()).Single(c => c.FileName == fileName);

    private static IEnumerable<XElement> Elements(Chart chart, string name, string cssClass) =>
        XDocument.Parse(chart.Svg).Descendants(Svg + name).Where(e => (string?)e.Attribute("class") == cssClass);

    private static int Count(Chart chart, string name, string cssClass) => Elements(chart, name, cssClass).Count();

    private static List<string> Texts(Chart chart) => XDocument.Parse(chart.Svg).Descendants(Svg + "text").Select(e => e.Value.Trim()).ToList();

    private static List<string> Titles(Chart chart) => XDocument.Parse(chart.Svg).Descendants(Svg + "title").Select(e => e.Value).ToList();

    /// <summary>The tick labels of both axes, y first.</summary>
    private static List<string> Labels(Chart chart) =>
        XDocument.Parse(chart.Svg).Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") is "y-axis" or "x-axis")
            .SelectMany(g => g.Elements(Svg + "text")).Select(e => e.Value).Where(t => t.Length > 0 && (char.IsDigit(t[0]) || t[0] == '-')).ToList();

    /// <summary>
    /// Two arms over H = 10 weeks. Arm 0 climbs linearly to 50% at stage ≥ 2 in every competency,
    /// arm 1 to 30%; three hierarchy levels; the front is undefined at week 0; the cohort's
    /// retention falls from 100% and is undefined in the last two weeks since training.
    /// </summary>
    private static ResultTables Tables(int points = 1, string[]? arms = null)
    {
        arms ??= ["bottom-up", "top-down"];
        var series = new List<ArmSeries>();
        var summary = new List<StatRow>();
        for (int p = 0; p < points; p++)
        {
            for (int a = 0; a < arms.Length; a++)
            {
                double final = a == 0 ? 0.5 : 0.3;
                List<double> share = Enumerable.Range(0, H + 1).Select(t => final * t / H).ToList();
                IReadOnlyList<IReadOnlyList<double>> stages = share.Select(s => (IReadOnlyList<double>)[0.4 * (1 - s), 0.6 * (1 - s), s / 2, s / 2]).ToList();
                series.Add(new ArmSeries(
                    p, arms[a], 4,
                    share.Select(s => new Band(s, Math.Max(0, s - 0.05), Math.Min(1, s + 0.05))).ToList(),
                    [stages, stages, stages, stages],
                    share.Select(s => (IReadOnlyList<double>)[s, s * 0.8, s * 0.5]).ToList(),
                    share.Select((s, t) => t == 0 ? double.NaN : 1 + (t * 0.2)).ToList(),
                    share.Select((s, t) => t == 0 ? double.NaN : 1 + (t * 0.4)).ToList(),
                    share,
                    share.Select((s, t) => t > H - 2 ? new Band(double.NaN, double.NaN, double.NaN) : new Band(1 - (s / 2), 0.9 - (s / 2), 1 - (s / 3))).ToList()));
                summary.Add(new StatRow(p, arms[a], "competent_share_final", final + (0.1 * p), final - 0.05, final + 0.05, 4));
            }

            summary.AddRange(
            [
                new StatRow(p, arms[0], "weeks_to_50pct", 4, 3, 5, 4), new StatRow(p, arms[0], "reached_50pct", 1, 1, 1, 4),
                new StatRow(p, arms[1], "weeks_to_50pct", 7.5, 5, 10, 4), new StatRow(p, arms[1], "reached_50pct", 0.5, 0, 1, 4),
                new StatRow(p, arms[0], "weeks_to_90pct", 9, 8, 10, 4), new StatRow(p, arms[0], "reached_90pct", 0.5, 0, 1, 4),
                new StatRow(p, arms[1], "weeks_to_90pct", H + 1, H + 1, H + 1, 4), new StatRow(p, arms[1], "reached_90pct", 0, 0, 0, 4),
            ]);
        }

        return new ResultTables
        {
            Name = "charts-test",
            Description = "two arms by hand",
            Question = "",
            HorizonWeeks = H,
            Arms = arms,
            ParameterPaths = points > 1 ? ["spread.rate"] : [],
            Points = Enumerable.Range(0, points).Select(p => (IReadOnlyList<string>)(points > 1 ? [((p + 1) / 10.0).ToString(CultureInfo.InvariantCulture)] : [])).ToList(),
            Series = series,
            Summary = summary,
            Contrasts = [],
        };
    }

    /// <summary>
    /// A chief executive over <paramref name="divisions"/> division heads; division d has 1 + d mod 3
    /// levels under its head, each manager over two managers and the last over three front-line people.
    /// </summary>
    private static OrgSim.Core.Graph.OrgGraph Divisions(int divisions)
    {
        var nodes = new List<(int Manager, int Team, int Level, OrgSim.Core.Graph.Role Role)> { (-1, 0, 0, OrgSim.Core.Graph.Role.Executive) };
        int teams = 2;
        void Under(int manager, int level, int depth)
        {
            int team = teams++;
            bool last = depth == 1;
            var reports = Enumerable.Range(0, last ? 3 : 2).Select(_ =>
            {
                nodes.Add((manager, team, level, last ? OrgSim.Core.Graph.Role.FrontLine : OrgSim.Core.Graph.Role.Manager));
                return nodes.Count - 1;
            }).ToList();
            if (!last)
            {
                reports.ForEach(r => Under(r, level + 1, depth - 1));
            }
        }

        var heads = Enumerable.Range(0, divisions).Select(_ =>
        {
            nodes.Add((0, 1, 1, OrgSim.Core.Graph.Role.Manager));
            return nodes.Count - 1;
        }).ToList();
        for (int d = 0; d < divisions; d++)
        {
            Under(heads[d], 2, 1 + (d % 3));
        }

        var builder = new OrgSim.Core.Graph.OrgGraphBuilder(nodes.Count);
        for (int v = 0; v < nodes.Count; v++)
        {
            builder.SetNode(v, nodes[v].Manager, nodes[v].Team, nodes[v].Level, nodes[v].Role);
            if (nodes[v].Manager >= 0)
            {
                builder.AddTie(v, nodes[v].Manager, OrgSim.Core.Graph.EdgeType.Manager);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// Fifteen teams: team 0 at the top, 1–14 on the front line below it; team t has t + 1 members; team
    /// 3 is named by <paramref name="label3"/>. With <paramref name="spread"/>, team t's shares grow with t.
    /// </summary>
    private static OrgChart Org(string label3 = "<script>alert(1)</script>", bool spread = false)
    {
        var teams = Enumerable.Range(0, 15).Select(t => new OrgChartTeam(t, t == 0 ? -1 : 0, t == 0 ? 0 : 1, t + 1, t == 3 ? label3 : $"team {t}")).ToList();
        IReadOnlyList<IReadOnlyList<double>> shares = teams.Select(t => (IReadOnlyList<double>)(spread ? [t.Id / 15.0, t.Id / 20.0, t.Id / 30.0, t.Id / 14.0] : [0.1, 0.4, 0.7, 1.0])).ToList();
        return new OrgChart(teams, [new OrgChartArm("bottom-up", [teams.Select(_ => (byte)0).ToList()])], [shares]);
    }
}
