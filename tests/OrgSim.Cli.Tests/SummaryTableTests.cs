using OrgSim.Cli.Commands;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Cli.Tests;

/// <summary>The terminal's table words censored times as the report does and rounds as it does.</summary>
public class SummaryTableTests
{
    private static string Print(params SummaryRow[] rows)
    {
        ScenarioSpec spec = ScenarioLoader.Load(Path.Combine(CliHarness.RepoRoot, "scenarios", "quickstart.yaml")).Spec;
        var output = new StringWriter();
        SummaryTable.Print(output, spec, rows);
        return output.ToString();
    }

    private static SummaryRow[] Arm(string arm, double share, double weeks50, double reached50, double weeks90, double reached90) =>
    [
        new(arm, "competent_share_final", new Estimate(share, share - 0.01, share + 0.01, 20)),
        new(arm, "weeks_to_50pct", new Estimate(weeks50, weeks50 - 0.5, Math.Min(105, weeks50 + 0.5), 20)),
        new(arm, "reached_50pct", new Estimate(reached50, 0, 1, 20)),
        new(arm, "weeks_to_90pct", new Estimate(weeks90, weeks90 - 0.5, Math.Min(105, weeks90 + 0.5), 20)),
        new(arm, "reached_90pct", new Estimate(reached90, 0, 1, 20)),
    ];

    [Fact]
    public void CensoredTimes_AreCountedNotAveraged_AndNoNumberLiesBeyondTheHorizon()
    {
        string text = Print([.. Arm("top-down", 0.98, 64.2, 1, 104.8, 0.1), .. Arm("bottom-up", 0.22, 105, 0, 105, 0)]);

        Assert.Contains("64.2 [63.7, 64.7] (20/20)", text, StringComparison.Ordinal);
        Assert.Contains("not within two years in 18 of 20", text, StringComparison.Ordinal);
        Assert.Contains("not within two years in any run", text, StringComparison.Ordinal);
        Assert.DoesNotContain("104.8", text, StringComparison.Ordinal);
        Assert.DoesNotContain("105", text, StringComparison.Ordinal);
        Assert.DoesNotContain("≥", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_RoundHalvesAwayFromZero_AsTheReportDoes()
    {
        // 89.85 is stored as 89.8499…: "F1" would print 89.8, the report prints 89.9.
        string text = Print(Arm("top-down", 0.5, 89.85, 1, 95, 1));

        Assert.Contains("│ 89.9 [", text, StringComparison.Ordinal);
        Assert.Equal("89.9", Experiments.Report.PlainNumbers.OneDecimal(89.85));
    }

    [Fact]
    public void Shares_AreRoundedAsSummaryCsvStoresThem()
    {
        // The mean of four runs lands a hair below 0.1375; summary.csv stores 0.137500, which the report prints as 13.8%.
        double mean = (0.0 + 0.0 + 0.0125 + 0.5375) / 4;
        Assert.Equal("13.7", Experiments.Report.PlainNumbers.OneDecimal(mean * 100));
        string text = Print(Arm("top-down", mean, 40, 1, 50, 1));

        Assert.Contains("│ 13.8% [", text, StringComparison.Ordinal);
    }
}

/// <summary>The terminal ends a run with the report's key message, crossovers included.</summary>
public class KeyMessageOnTheTerminalTests
{
    [Fact]
    public void Run_PrintsTheReportsKeyMessageUnderTheTable_AndNoneWithoutAReport()
    {
        string folder = Path.Combine(CliHarness.TempDirectory(), "out");
        string scenario = Path.Combine(CliHarness.RepoRoot, "scenarios", "quickstart.yaml");
        var (code, stdout, stderr) = CliHarness.Run("run", scenario, "--out", folder, "--set", "replicates=3", "--set", "horizon_weeks=30", "--set", "organisation.agents=120");
        Assert.True(code == 0, stderr);

        // The same sentences as the report's box, read back from report.html.
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        var box = System.Text.RegularExpressions.Regex.Match(html, "<section id=\"key-message\" class=\"key-message\">\n<h2>Key message</h2>\n<p>(.*?)</p>");
        Assert.True(box.Success, "report.html has no key message");
        string message = System.Net.WebUtility.HtmlDecode(box.Groups[1].Value);
        Assert.StartsWith("Within 30 weeks, ", message, StringComparison.Ordinal);
        Assert.Contains("\n" + message + "\n", stdout.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        string bare = Path.Combine(CliHarness.TempDirectory(), "bare");
        var (bareCode, bareStdout, bareStderr) = CliHarness.Run("run", scenario, "--out", bare, "--no-report", "--set", "replicates=3", "--set", "horizon_weeks=30", "--set", "organisation.agents=120");
        Assert.True(bareCode == 0, bareStderr);
        Assert.DoesNotContain("of the organisation competent", bareStdout, StringComparison.Ordinal);
    }
}
