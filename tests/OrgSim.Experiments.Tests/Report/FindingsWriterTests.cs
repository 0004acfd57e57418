using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

/// <summary>The time-to-50% contrasts never present the H + 1 placeholder of censored runs as an exact difference.</summary>
public class FindingsWriterTests
{
    private const string Top = "<strong>top-down</strong>", Bottom = "<strong>bottom-up</strong>";

    /// <summary>Like quickstart: the reference top-down always got there, bottom-up never (its 105 weeks are the placeholder).</summary>
    private static ResultTables Quickstart(double bottomReached = 0, double bottomWeeks = 105, double topReached = 1, double topWeeks = 60.6, double diff = 44.4) => new()
    {
        Name = "quickstart",
        Description = string.Empty,
        Question = string.Empty,
        HorizonWeeks = 104,
        Arms = ["top-down", "bottom-up"],
        ParameterPaths = [],
        Points = [[]],
        Series = [],
        Summary =
        [
            new(0, "top-down", "weeks_to_50pct", topWeeks, topWeeks - 3, Math.Min(105, topWeeks + 3), 20),
            new(0, "top-down", "reached_50pct", topReached, 0, 1, 20),
            new(0, "bottom-up", "weeks_to_50pct", bottomWeeks, bottomWeeks - 2, Math.Min(105, bottomWeeks + 2), 20),
            new(0, "bottom-up", "reached_50pct", bottomReached, 0, 1, 20),
        ],
        Contrasts = [new(0, "bottom-up", "weeks_to_50pct", diff, diff - 3, diff + 3, 20, "top-down")],
    };

    [Fact]
    public void ASingleReplicate_IsNeverSaidToHaveAnIntervalOrAnAverage()
    {
        // One replicate: no interval exists, so none may be said to include zero, and one run has no average.
        ResultTables one = Quickstart() with
        {
            Summary =
            [
                new(0, "top-down", "weeks_to_50pct", 60, null, null, 1),
                new(0, "top-down", "reached_50pct", 1, null, null, 1),
                new(0, "top-down", "competent_share_final", 0.998, null, null, 1),
                new(0, "bottom-up", "weeks_to_50pct", 105, null, null, 1),
                new(0, "bottom-up", "reached_50pct", 0, null, null, 1),
                new(0, "bottom-up", "competent_share_final", 0.325, null, null, 1),
            ],
            Contrasts =
            [
                new(0, "bottom-up", "weeks_to_50pct", 45, null, null, 1, "top-down"),
                new(0, "bottom-up", "competent_share_final", -0.673, null, null, 1, "top-down"),
            ],
        };

        string html = FindingsWriter.Html(one);

        Assert.DoesNotContain("95% interval", html, StringComparison.Ordinal);
        Assert.DoesNotContain("on average", html, StringComparison.Ordinal);
        Assert.DoesNotContain("any of its 1 run", html, StringComparison.Ordinal);
        Assert.Contains(Bottom + " did not reach 50% competent within two years in its one run, while " + Top + " did (in week 60.0).", html, StringComparison.Ordinal);
        Assert.Contains(Bottom + " ended with 67.3 percentage points fewer competent pairs (one paired run, so no confidence interval). With one paired run the two cannot be told apart.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void CensoredTimes_AreWordedAsRunsNotWithinTheHorizon_NeverAsAMeanBeyondIt()
    {
        string html = FindingsWriter.Html(Quickstart(bottomReached: 0.1, bottomWeeks: 104.8, diff: 44.2));

        Assert.Contains(Bottom + " did not reach 50% competent within two years in 18 of 20 runs; the other 2 did.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("104.8", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mean at least", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(104, "within two years")]
    [InlineData(52, "within one year")]
    [InlineData(30, "within 30 weeks")]
    [InlineData(1, "within 1 week")]
    [InlineData(520, "within 520 weeks")]
    public void Horizon_IsWordedInYearsWhenItIsWholeYears(int weeks, string words) => Assert.Equal(words, PlainNumbers.Within(weeks));

    [Theory]
    [InlineData(89.85, "89.9")]
    [InlineData(0.05, "0.1")]
    [InlineData(-0.04, "0.0")]
    public void OneDecimal_RoundsHalvesAwayFromZero(double value, string text) => Assert.Equal(text, PlainNumbers.OneDecimal(value));

    [Fact]
    public void ArmThatNeverGotThere_IsNotSaidToGetThereLater()
    {
        string html = FindingsWriter.Html(Quickstart());

        Assert.DoesNotContain(Bottom + " got there", html, StringComparison.Ordinal);
        Assert.DoesNotContain("44.4", html, StringComparison.Ordinal);
        Assert.Contains(Bottom + " did not reach 50% competent within two years in any of its 20 runs, while " + Top + " did (in week 60.6 on average).", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ReferenceThatNeverGotThere_IsNamed()
    {
        string html = FindingsWriter.Html(Quickstart(bottomReached: 1, bottomWeeks: 30, topReached: 0, topWeeks: 105, diff: -75));

        Assert.DoesNotContain("got there", html, StringComparison.Ordinal);
        Assert.Contains(Bottom + " reached 50% competent within two years (in week 30.0 on average), while " + Top + " did not in any of its 20 runs.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenNeitherGotThere_NoDifferenceIsStated()
    {
        string html = FindingsWriter.Html(Quickstart(topReached: 0, topWeeks: 105, diff: 0));

        Assert.DoesNotContain("got there", html, StringComparison.Ordinal);
        Assert.DoesNotContain("same time", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot be told apart", html, StringComparison.Ordinal);
        Assert.Contains("neither " + Bottom + " nor " + Top + " reached 50% competent within two years in any run", html, StringComparison.Ordinal);
    }

    [Fact]
    public void CensoredRuns_MakeTheDifferenceABound()
    {
        // Bottom-up got there in 1 of 20 runs: its times are at least as counted, so the difference is a lower bound.
        string lower = FindingsWriter.Html(Quickstart(bottomReached: 0.05, bottomWeeks: 104.5, diff: 43.9));
        Assert.Contains(Bottom + " got there at least 43.9 weeks later", lower, StringComparison.Ordinal);
        Assert.Contains("in 1 of 20 runs", lower, StringComparison.Ordinal);

        // Only the reference was censored: an upper bound.
        string upper = FindingsWriter.Html(Quickstart(bottomReached: 1, bottomWeeks: 30, topReached: 0.5, topWeeks: 80, diff: -50));
        Assert.Contains(Bottom + " got there at least 50.0 weeks sooner", upper, StringComparison.Ordinal);
        Assert.Contains("clearly faster", upper, StringComparison.Ordinal);

        // Both censored: neither bound, and said so.
        string both = FindingsWriter.Html(Quickstart(bottomReached: 0.5, bottomWeeks: 90, topReached: 0.5, topWeeks: 80, diff: 10));
        Assert.Contains("neither a lower nor an upper bound", both, StringComparison.Ordinal);
        Assert.DoesNotContain("got there 10.0 weeks later", both, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryArmIsComparedWithTheReference()
    {
        ResultTables tables = ReportFixtures.Tables() with
        {
            Contrasts = [.. ReportFixtures.Tables().Contrasts, new StatRow(0, "nobody", "weeks_to_50pct", 91, 89, 93, 20, "bottom-up")],
        };

        string html = FindingsWriter.Html(tables);

        Assert.Contains("<strong>top-down</strong> got there 17.0 weeks later", html, StringComparison.Ordinal);
        Assert.Contains("<strong>random</strong> got there at least 84.3 weeks later", html, StringComparison.Ordinal);
        Assert.Contains("<strong>nobody</strong> did not reach 50% competent within two years in any of its 20 runs, while <strong>bottom-up</strong> did (in week 14.0 on average).", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>nobody</strong> got there", html, StringComparison.Ordinal);
        Assert.Equal(5, html.Split("Compared with").Length - 1); // three time contrasts, two share contrasts
    }

    [Fact]
    public void WithoutASweep_NothingIsSaidAboutPoints()
    {
        string html = FindingsWriter.Html(Quickstart());
        Assert.DoesNotContain("sweep", html, StringComparison.Ordinal);

        string single = FindingsWriter.Html(Quickstart() with { ParameterPaths = ["a"], Points = [["1"]] });
        Assert.Contains("These findings and the charts are for the first point of the sweep (a = 1).", single, StringComparison.Ordinal);
        Assert.DoesNotContain("heatmap", single, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_IsStatedPerArmAtItsWeek_AndComparedWithTheReference()
    {
        ResultTables tables = Quickstart() with
        {
            RetentionWeeks = 26,
            Summary = [.. Quickstart().Summary, new(0, "top-down", "retention", 0.9995, 0.999, 1.0, 20), new(0, "bottom-up", "retention", 0.591, 0.569, 0.613, 20)],
            Contrasts = [.. Quickstart().Contrasts, new(0, "bottom-up", "retention", -0.409, -0.431, -0.387, 20, "top-down")],
        };

        string html = FindingsWriter.Html(tables);

        Assert.Contains("Of the pairs competent when its training ended, 59.1% (95% CI 56.9–61.3%) still were 26 weeks later.", html, StringComparison.Ordinal);
        Assert.Contains("in retention 26 weeks after the training: <strong>bottom-up</strong> kept 40.9 percentage points fewer of its competent pairs (95% CI 38.7–43.1 points fewer). The 95% interval excludes zero: <strong>bottom-up</strong> clearly keeps fewer.", html, StringComparison.Ordinal);

        string unclear = FindingsWriter.Html(tables with { Contrasts = [new(0, "bottom-up", "retention", -0.01, -0.03, 0.01, 20, "top-down")] });
        Assert.DoesNotContain("clearly keeps", unclear, StringComparison.Ordinal);
    }
}
