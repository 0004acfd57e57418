using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

/// <summary>Crossovers: where one arm's competent share overtakes another's after trailing, on the means and replicate by replicate.</summary>
public class CrossoverTests
{
    /// <summary>A curve rising linearly from <paramref name="start"/> by <paramref name="slope"/> a week over weeks 0..<paramref name="horizon"/>.</summary>
    private static double[] Line(double start, double slope, int horizon = 104) => [.. Enumerable.Range(0, horizon + 1).Select(t => start + (slope * t))];

    private static ArmSeries Arm(string name, double[] mean, params double[][] replicates) =>
        new(0, name, replicates.Length, [.. mean.Select(m => new Band(m, m, m))], [], [], [], [], [], [])
        {
            CompetentShareByReplicate = replicates.Select((r, i) => (i, r)).ToDictionary(x => x.i, x => (IReadOnlyList<double>)x.r),
        };

    private static ResultTables Tables(params ArmSeries[] series) => new()
    {
        Name = "crossing",
        Description = string.Empty,
        Question = string.Empty,
        HorizonWeeks = 104,
        Arms = [.. series.Select(s => s.Arm)],
        ParameterPaths = [],
        Points = [[]],
        Series = series,
        Summary = [.. series.Select(s => new StatRow(0, s.Arm, "competent_share_final", 0.5, 0.4, 0.6, 3))],
        Contrasts = [],
    };

    [Fact]
    public void First_IsTheWeekTheTrailingCurveCatchesUp_AfterTheLeadersLastClearLead()
    {
        // a = 0.2 + 0.002 t, b = 0.101 + 0.004 t: equal at week 49.5, b ahead from week 50.
        Assert.Equal([(50, true)], Crossover.All(Line(0.2, 0.002), Line(0.101, 0.004)));
        Assert.Equal([(50, false)], Crossover.All(Line(0.101, 0.004), Line(0.2, 0.002)));
    }

    [Fact]
    public void First_IgnoresNoiseWithinTheMargin_AndCurvesThatNeverCross()
    {
        double[] a = Line(0.1, 0.003), wobble = [.. a.Select((x, t) => x + (t % 2 == 0 ? 0.004 : -0.004))];
        Assert.Empty(Crossover.All(a, wobble));
        Assert.Empty(Crossover.All(Line(0.3, 0.003), Line(0.1, 0.003)));
    }

    [Fact]
    public void Findings_StateTheCrossoverWithHowManyReplicatesCrossedAndWhen()
    {
        ArmSeries bottom = Arm("bottom-up", Line(0.2, 0.002), Line(0.2, 0.002), Line(0.2, 0.002), Line(0.2, 0.002));
        // The replicates cross at 39.6 and 70.7 weeks; the third never does.
        ArmSeries top = Arm("top-down", Line(0.101, 0.004), Line(0.101, 0.0045), Line(0.101, 0.0034), Line(0.101, 0.0019));

        Crossover crossover = Assert.Single(Crossover.Find(Tables(bottom, top), 0));
        Assert.Equal(new Crossover("bottom-up", "top-down", 50, 3, 2, 40, 71) { EndedAhead = 2 }, crossover); // the third replicate never crosses

        string html = FindingsWriter.Html(Tables(bottom, top));
        Assert.Contains("<strong>bottom-up</strong> leads until week 49, then <strong>top-down</strong> overtakes. Replicate by replicate, it does in 2 of 3, between week 40 and week 71; it is still ahead at the horizon in 2 of 3.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_SayWhenTheCrossingIsInTheAveragesOnly()
    {
        // Each replicate of top-down either always leads or never catches up; only the mean crosses.
        ArmSeries bottom = Arm("bottom-up", Line(0.2, 0.002), Line(0.2, 0.002), Line(0.2, 0.002));
        ArmSeries top = Arm("top-down", Line(0.101, 0.004), Line(0.1, 0.001), Line(0.3, 0.004));

        string html = FindingsWriter.Html(Tables(bottom, top));
        Assert.Contains("then <strong>top-down</strong> overtakes. In none of the 2 replicates taken one by one does it overtake this way: the crossing is in the averages only.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_StateEveryLeadChangeOfAPair_InTime()
    {
        // b overtakes a at week 20 (0.1 + 0.005 t against 0.2); a, rising from week 40, is back ahead of b (capped at 0.3) at week 51.
        double[] a = [.. Enumerable.Range(0, 105).Select(t => t < 40 ? 0.2 : 0.2 + (0.01 * (t - 40)) - 0.0005)];
        double[] b = [.. Enumerable.Range(0, 105).Select(t => Math.Min(0.3, 0.1 + (0.005 * t)))];
        Assert.Equal([(20, true), (51, false)], Crossover.All(a, b));

        string html = FindingsWriter.Html(Tables(Arm("a", a, a), Arm("b", b, b)));
        Assert.Contains("<li><strong>a</strong> leads until week 19, then <strong>b</strong> overtakes. Replicate by replicate, it does in 1 of 1, in week 20; it is still ahead at the horizon in 0 of 1. Then <strong>a</strong> is back ahead of <strong>b</strong> from week 51. Replicate by replicate, it does in 1 of 1, in week 51; it is still ahead at the horizon in 1 of 1.</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_SayNothingOfCrossoversWhenTheOrderNeverChanges()
    {
        string html = FindingsWriter.Html(Tables(Arm("a", Line(0.3, 0.003)), Arm("b", Line(0.1, 0.003))));
        Assert.DoesNotContain("overtake", html, StringComparison.Ordinal);
    }
}
