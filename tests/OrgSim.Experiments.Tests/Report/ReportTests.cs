using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

public partial class ReportTests
{
    private const string ChartSvg = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><text x=\"1\" y=\"5\">curve</text></svg>\n";

    private const string TitledChartSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><text x=\"1\" y=\"5\">Weeks to 50%</text></svg>";

    private static readonly (string Title, string Svg)[] Charts = [("Adoption over time", ChartSvg), ("Weeks to 50%", TitledChartSvg)];

    private static string Build(ResultTables? tables = null, OrgChart? chart = null, bool withChart = true) =>
        ReportBuilder.Build(tables ?? ReportFixtures.Tables(), Charts, withChart ? chart ?? ReportFixtures.Chart() : null);

    [GeneratedRegex("<svg\\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();

    [GeneratedRegex("<script type=\"application/json\" id=\"spread-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex SpreadData();

    [GeneratedRegex("https?://[^\\s\"'<>)]*", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    private static JsonElement Data(string html) => JsonDocument.Parse(SpreadData().Match(html).Groups[1].Value).RootElement;

    [Fact]
    public void Build_WritesOneHtmlPageWithTheQuestionTheArmsAndTheControls()
    {
        string html = Build();

        Assert.StartsWith("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.EndsWith("</body>\n</html>\n", html, StringComparison.Ordinal);
        Assert.Contains("<h1>quickstart</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Does it spread faster bottom-up or top-down?</p>\n<p>How to read the answer: see summary.csv.</p>", html, StringComparison.Ordinal);
        foreach (string arm in ReportFixtures.Tables().Arms)
        {
            Assert.Contains("<strong>" + arm + "</strong>", html, StringComparison.Ordinal);
        }

        Assert.Contains("<button id=\"play\" type=\"button\">Play</button>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"range\" id=\"week\" min=\"0\" max=\"104\"", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"week-label\">week 0</span>", html, StringComparison.Ordinal);
        Assert.Contains("<select id=\"arm\">\n<option value=\"0\" selected>bottom-up</option>\n<option value=\"1\">top-down</option>\n</select>", html, StringComparison.Ordinal);
        foreach (string id in new[] { "play", "week", "week-label", "arm", "spread-data", "spread-chart", "spread-title" })
        {
            Assert.Single(Regex.Matches(html, "\\bid=\"" + id + "\""));
        }
    }

    [Fact]
    public void Build_HeadsThePageWithTheTitle_OrTheNameWithoutOne()
    {
        string titled = Build(ReportFixtures.Tables() with { Title = "Leaders or teams? <b>" });
        Assert.Contains("<h1>Leaders or teams? &lt;b&gt;</h1>", titled, StringComparison.Ordinal);
        Assert.Contains("<title>Leaders or teams? &lt;b&gt; — OrgSim report</title>", titled, StringComparison.Ordinal);
        Assert.Contains("<h1>quickstart</h1>", Build(ReportFixtures.Tables() with { Title = "  " }), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StatesTheFindingsInSentencesWithTheirNumbers()
    {
        string html = Build();

        Assert.Contains("<strong>bottom-up</strong> reached 50% competent in 14.0 weeks (95% CI 12.0–16.0).", html, StringComparison.Ordinal);
        Assert.Contains("<strong>top-down</strong> reached 50% competent in 31.0 weeks (95% CI 28.0–35.0).", html, StringComparison.Ordinal);
        Assert.Contains("By week 104, 81.3% of its pairs were competent (95% CI 79.0–83.5%).", html, StringComparison.Ordinal);
        Assert.Contains("<strong>random</strong> did not reach 50% competent within two years in 13 of 20 runs; the other 7 did.", html, StringComparison.Ordinal);
        Assert.Contains("<strong>nobody</strong> did not reach 50% competent within two years in any of its 20 runs.", html, StringComparison.Ordinal);

        // Every arm against the reference: exact when both always got there, a bound when runs were censored.
        Assert.Contains("Compared with <strong>bottom-up</strong> (the reference arm), in time to 50% competent: <strong>top-down</strong> got there 17.0 weeks later (95% CI 14.2–19.8 weeks later). The 95% interval excludes zero: <strong>top-down</strong> is clearly slower.", html, StringComparison.Ordinal);
        Assert.Contains("time to 50% competent: <strong>random</strong> got there at least 84.3 weeks later (95% CI 80.0–88.6 weeks later) — only a bound, since <strong>random</strong> reached 50% within two years in 7 of 20 runs and the difference is counting runs that never reached 50% as 105 weeks. Even so, the 95% interval excludes zero: <strong>random</strong> is clearly slower.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The largest difference", html, StringComparison.Ordinal);
        Assert.Contains("<strong>top-down</strong> ended with 1.2 percentage points fewer competent pairs", html, StringComparison.Ordinal);
        Assert.Contains("<strong>random</strong> ended with 31.3 percentage points fewer competent pairs (95% CI 28.0–35.0 points fewer). The 95% interval excludes zero: <strong>random</strong> clearly ends lower.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SaysWhenAContrastCannotBeToldApart()
    {
        ResultTables tables = ReportFixtures.Tables() with { Contrasts = [.. ReportFixtures.Tables().Contrasts.Where(r => r.Arm == "top-down")] };

        string html = Build(tables);

        Assert.Contains("Compared with <strong>bottom-up</strong> (the reference arm), in the competent share at week 104: <strong>top-down</strong> ended with 1.2 percentage points fewer competent pairs (95% CI from 3.0 points fewer to 0.6 points more). The 95% interval includes zero: with 20 paired runs the two cannot be told apart.", html, StringComparison.Ordinal);
        Assert.Contains("<strong>top-down</strong> got there 17.0 weeks later (95% CI 14.2–19.8 weeks later). The 95% interval excludes zero: <strong>top-down</strong> is clearly slower.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_InlinesTheChartsWithTheirTitlesAndRefersToNoUrl()
    {
        string html = Build();

        Assert.Contains("<figure aria-label=\"Adoption over time\">\n<h3>Adoption over time</h3>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">", html, StringComparison.Ordinal);
        Assert.Contains("<figure aria-label=\"Weeks to 50%\">\n<svg", html, StringComparison.Ordinal); // the chart draws its own title
        Assert.DoesNotContain("<h3>Weeks to 50%</h3>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", html, StringComparison.Ordinal);
        Assert.All(Url().Matches(html), m => Assert.Equal("http://www.w3.org/2000/svg", m.Value));
        Assert.DoesNotMatch("(?i)\\b(src|href)=\"(?!data:)", html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EmbedsEverySvgAsWellFormedXmlWithTheLiveChartsRectanglesOnly()
    {
        string html = Build();

        var svgs = SvgElement().Matches(html).Select(m => XDocument.Parse(m.Value)).ToList();
        Assert.Equal(2 + 1 + 2 * 5, svgs.Count); // the charts, the live org chart, five snapshots per arm
        var live = svgs[2].Root!.Descendants().Where(e => e.Attribute("data-cell") is not null).ToList();
        Assert.Equal(["0", "1", "2", "3", "4", "5"], live.Select(c => (string)c.Attribute("data-cell")!));
        Assert.All(live, c => Assert.Equal("g", c.Name.LocalName));
        Assert.All(live, c => Assert.Single(c.Elements(XName.Get("rect", "http://www.w3.org/2000/svg"))));
        Assert.Equal(6, Regex.Count(html, "data-cell="));
    }

    [Fact]
    public void Build_EmbedsTheSpreadWeekByWeekSoTheFillChangesWithTheWeek()
    {
        string html = Build();

        JsonElement data = Data(html);
        Assert.Equal(104, data.GetProperty("horizon").GetInt32());
        Assert.Equal(["bottom-up", "top-down"], data.GetProperty("arms").EnumerateArray().Select(a => a.GetString()!));
        Assert.Equal(101, data.GetProperty("colours").GetArrayLength());
        JsonElement weeks = data.GetProperty("weeks");
        Assert.Equal(ReportFixtures.Horizon + 1, weeks[1].GetArrayLength());
        Assert.Equal(2 * 5 * 8, weeks[1][8][5].GetInt32());
        string Fill(int arm, int week, int team) => data.GetProperty("colours")[weeks[arm][week][team].GetInt32()].GetString()!;
        Assert.NotEqual(Fill(0, 0, 5), Fill(0, 8, 5));

        // The page starts at arm 0, week 0, as the script draws it.
        var live = XDocument.Parse(SvgElement().Matches(html)[2].Value).Root!.Descendants().Where(e => e.Attribute("data-cell") is not null);
        Assert.All(live, c => Assert.Equal(Fill(0, 0, int.Parse((string)c.Attribute("data-cell")!, System.Globalization.CultureInfo.InvariantCulture)), (string)c.Elements().Single(e => e.Name.LocalName == "rect").Attribute("fill")!));
        Assert.Contains(">bottom-up — week 0</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EscapesNamesFromAnHrExportEverywhere()
    {
        ResultTables tables = ReportFixtures.Tables(referenceArm: ReportFixtures.Script, question: "Is </script><script>alert(2)</script> & co safe?") with
        {
            Name = "<b>name</b>",
            Description = "<img src=x onerror=alert(3)>",
        };
        OrgChart chart = ReportFixtures.Chart(secondArm: ReportFixtures.Script) with
        {
            Arms = [ReportFixtures.Arm(ReportFixtures.Script, 1, 6), ReportFixtures.Arm("top-down", 2, 6)],
        };

        string html = Build(tables, chart);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<script")); // the data block, the animation and the fine print's opening for printing
        Assert.Equal(3, Regex.Count(html, "</script>"));
        Assert.Contains("<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong> reached 50% competent in 14.0 weeks", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"0\" selected>&lt;script&gt;alert(1)&lt;/script&gt;</option>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt; &amp; co safe?", html, StringComparison.Ordinal);
        Assert.Contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; — 8 people, 0% competent</title>", html, StringComparison.Ordinal);

        string json = SpreadData().Match(html).Groups[1].Value;
        Assert.Contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        JsonElement data = Data(html);
        Assert.Equal(ReportFixtures.Script, data.GetProperty("arms")[0].GetString());
        Assert.Equal(ReportFixtures.Script, data.GetProperty("labels")[2].GetString());
    }

    [Fact]
    public void Build_LeavesOutTheAnimationWithANoteWhenTheFolderHasNoOrgChart()
    {
        string html = Build(withChart: false);

        Assert.Contains("The spread through the organisation</h2>\n<p class=\"note\">This output folder has no orgchart.json", html, StringComparison.Ordinal);
        // Only the one-line script that opens the fine print for printing.
        Assert.Equal(1, Regex.Count(html, "<script"));
        Assert.DoesNotContain("spread-data", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"play\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bottom-up</strong> reached 50% competent in 14.0 weeks", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NamesTheSweepPointOfTheFindingsAndCopesWithMissingNumbers()
    {
        ResultTables tables = ReportFixtures.Tables() with
        {
            ParameterPaths = ["model.transmission"],
            Points = [["0.05"], ["0.1"]],
            Question = string.Empty,
            Summary = [new StatRow(0, "bottom-up", "weeks_to_50pct", 14, null, null, 1)],
            Contrasts = [],
        };

        string html = Build(tables);

        Assert.Contains("These findings and the charts are for the first point of the sweep (model.transmission = 0.05); only the heatmap and <code>summary.csv</code> cover all 2 points.", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bottom-up</strong> reached 50% competent in 14.0 weeks (a single run, so no confidence interval).", html, StringComparison.Ordinal);
        Assert.Contains("states no question: give it a <code>question:</code> key", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>top-down</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PoolsTheNarrowTeamsOfALargeOrganisationInTheAnimationToo()
    {
        int[] parents = Enumerable.Range(0, 900).Select(i => i == 0 ? -1 : (i - 1) / 6).ToArray();
        OrgChart chart = ReportFixtures.Chart(parents, t => "t", _ => 5, t => (byte)(t % 101));

        string html = Build(chart: chart);

        JsonElement data = Data(html);
        int cells = data.GetProperty("labels").GetArrayLength();
        Assert.InRange(cells, 2, 899);
        Assert.Equal(cells, Regex.Count(html, "data-cell="));
        Assert.Equal(cells, data.GetProperty("sizes").GetArrayLength());
        Assert.Equal(cells, data.GetProperty("weeks")[0][1].GetArrayLength());
        Assert.Contains(data.GetProperty("labels").EnumerateArray(), l => l.GetString()!.EndsWith(" teams", StringComparison.Ordinal));
        Assert.Equal(900 * 5, data.GetProperty("sizes").EnumerateArray().Sum(s => s.GetInt32()));
    }

    [Fact]
    public void Build_IsTheSameForTheSameInputInEveryCulture()
    {
        string first = ReportFixtures.InCulture("en-US", () => Build());

        Assert.Equal(first, Build());
        Assert.Equal(first, ReportFixtures.InCulture("de-DE", () => Build()));
        Assert.Equal(first, ReportFixtures.InCulture("fr-FR", () => Build()));
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_KeepsThePageReadableOnAProjectorAndInPrint()
    {
        string html = Build();

        Assert.Matches("body \\{ font: (1[89]|[2-9]\\d)px", html);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"icon\" href=\"data:,\">", html, StringComparison.Ordinal);
    }
}

public partial class ReportTests
{
    [Fact]
    public void TheKeyMessageBox_ComesAfterTheQuestionAndBeforeTheFindings_AndTheFinePrintIsFolded()
    {
        ResultTables tables = ReportFixtures.Tables();
        string html = Build(tables);
        IReadOnlyList<string> message = KeyMessage.Compose(tables);
        Assert.NotEmpty(message);

        int question = html.IndexOf("<section id=\"question\">", StringComparison.Ordinal);
        int box = html.IndexOf("<section id=\"key-message\" class=\"key-message\">\n<h2>Key message</h2>\n<p>" + Markup.Escape(string.Join(" ", message)) + "</p>", StringComparison.Ordinal);
        int findings = html.IndexOf("<section id=\"findings\">", StringComparison.Ordinal);
        Assert.True(question >= 0 && question < box && box < findings, $"question at {question}, key message at {box}, findings at {findings}");

        // The definitions and the paired comparisons are inside the details element, the arms' sentences outside it.
        int open = html.IndexOf("<details class=\"fine-print\">", findings, StringComparison.Ordinal), close = html.IndexOf("</details>", open, StringComparison.Ordinal);
        string finePrint = html[open..close];
        Assert.Contains("“Competent” means", finePrint, StringComparison.Ordinal);
        Assert.Contains("compared replicate by replicate", finePrint, StringComparison.Ordinal);
        int arms = html.IndexOf("<ul class=\"findings\">", findings, StringComparison.Ordinal);
        Assert.True(arms > findings && arms < open, "the arms' findings are not above the fine print");
        Assert.Contains("beforeprint", html[close..], StringComparison.Ordinal);
    }
}
