using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

/// <summary>The key message: the arms' reach in plain words, then how the best arm took the lead or who got halfway first.</summary>
public class KeyMessageTests
{
    private static double[] Line(double start, double slope, int horizon = 104) => [.. Enumerable.Range(0, horizon + 1).Select(t => start + (slope * t))];

    private static ArmSeries Arm(string name, double[] mean, params double[][] replicates) =>
        new(0, name, replicates.Length, [.. mean.Select(m => new Band(m, m, m))], [], [], [], [], [], [])
        {
            CompetentShareByReplicate = replicates.Select((r, i) => (i, r)).ToDictionary(x => x.i, x => (IReadOnlyList<double>)x.r),
        };

    private static ResultTables Tables(IReadOnlyList<ArmSeries> series, IReadOnlyList<StatRow> summary, IReadOnlyList<StatRow>? contrasts = null) => new()
    {
        Name = "key",
        Description = string.Empty,
        Question = string.Empty,
        HorizonWeeks = 104,
        Arms = [.. summary.Select(s => s.Arm).Distinct()],
        ParameterPaths = [],
        Points = [[]],
        Series = series,
        Summary = summary,
        Contrasts = contrasts ?? [],
    };

    private static StatRow[] Reach(string arm, double final, double? weeksTo50, double reached, int n = 20) =>
    [
        new(0, arm, "competent_share_final", final, final - 0.02, final + 0.02, n),
        new(0, arm, "weeks_to_50pct", weeksTo50 ?? 105, (weeksTo50 ?? 105) - 1, weeksTo50 ?? 105, n),
        new(0, arm, "reached_50pct", reached, 0, 1, n),
    ];

    [Fact]
    public void WithoutACrossover_StatesTheReachBestFirst_ThenWhoGotHalfwayFirst()
    {
        ResultTables tables = Tables([], [.. Reach("bottom-up", 0.224, null, 0), .. Reach("top-down", 0.982, 64.25, 1)]);

        Assert.Equal(
            [
                "Within two years, top-down makes 98% of the organisation competent; bottom-up, 22%.",
                "Top-down gets half the organisation competent in 64 weeks (about 15 months); bottom-up does not within two years.",
            ],
            KeyMessage.Compose(tables));
    }

    [Fact]
    public void ArmsThatOnlySometimesGotHalfway_AreCountedNotAveraged()
    {
        ResultTables tables = Tables([], [.. Reach("a", 0.7, 40, 1), .. Reach("b", 0.5, 98, 0.15)]);

        Assert.Equal("A gets half the organisation competent in 40 weeks (about 9 months); b does within two years in only 3 of 20 runs.", KeyMessage.Compose(tables)[1]);
    }

    [Fact]
    public void TheCrossoverOfTheBestArm_IsTheSecondSentence()
    {
        // bottom-up leads until top-down catches up at week 50 (as in CrossoverTests), and ends lower.
        ArmSeries bottom = Arm("bottom-up", Line(0.2, 0.002), Line(0.2, 0.002), Line(0.2, 0.002), Line(0.2, 0.002));
        ArmSeries top = Arm("top-down", Line(0.101, 0.004), Line(0.101, 0.0045), Line(0.101, 0.0034), Line(0.101, 0.0019));
        ResultTables tables = Tables([bottom, top], [.. Reach("bottom-up", 0.408, null, 0, 3), .. Reach("top-down", 0.517, 100, 1, 3)]);

        // The third replicate never crosses, so top-down ends ahead in 2 of the 3.
        Assert.Equal("Bottom-up leads for the first 50 weeks (about 12 months), then top-down overtakes and ends ahead in 2 of 3 runs.", KeyMessage.Compose(tables)[1]);
    }

    [Fact]
    public void ACrossoverFewReplicatesShare_IsNotTheKeyMessage()
    {
        // Only one of three replicates crosses: the mean curves' crossing is not a story to tell a manager.
        ArmSeries bottom = Arm("bottom-up", Line(0.2, 0.002), Line(0.2, 0.002), Line(0.2, 0.002), Line(0.2, 0.002));
        ArmSeries top = Arm("top-down", Line(0.101, 0.004), Line(0.101, 0.0045), Line(0.1, 0.001), Line(0.1, 0.001));
        ResultTables tables = Tables([bottom, top], [.. Reach("bottom-up", 0.408, null, 0, 3), .. Reach("top-down", 0.517, 100, 1, 3)]);

        Assert.DoesNotContain("overtakes", string.Join(" ", KeyMessage.Compose(tables)), StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheBestArmComesBack_TheMessageSaysWhenTheOtherWasAhead()
    {
        // b overtakes a at week 20, then a is back ahead at week 51 and ends best (the curves of CrossoverTests).
        double[] a = [.. Enumerable.Range(0, 105).Select(t => t < 40 ? 0.2 : 0.2 + (0.01 * (t - 40)) - 0.0005)];
        double[] b = [.. Enumerable.Range(0, 105).Select(t => Math.Min(0.3, 0.1 + (0.005 * t)))];
        ResultTables tables = Tables([Arm("a", a, a), Arm("b", b, b)], [.. Reach("a", 0.84, 70, 1, 1), .. Reach("b", 0.3, null, 0, 1)]);

        Assert.Equal("B leads from week 20 to week 50, then a overtakes.", KeyMessage.Compose(tables)[1]);
    }

    [Fact]
    public void TwoArmsThePairedIntervalCannotTellApart_AreSaidToBeTooClose()
    {
        ResultTables tables = Tables([], [.. Reach("a", 0.51, 60, 1), .. Reach("b", 0.50, 61, 1)],
            [new StatRow(0, "b", "competent_share_final", -0.01, -0.03, 0.01, 20, "a")]);

        Assert.Equal("Within two years, a makes 51% of the organisation competent; b, 50% — too close to tell apart in 20 paired runs.", KeyMessage.Compose(tables)[0]);
    }

    [Fact]
    public void ManyArms_NameTheBestAndTheLeast_AndASweepSaysWhichPoint()
    {
        StatRow[] summary = [.. new[] { ("a", 0.3), ("b", 0.9), ("c", 0.5), ("d", 0.1), ("e", 0.4) }.SelectMany(x => Reach(x.Item1, x.Item2, null, 0))];
        ResultTables tables = Tables([], summary) with { ParameterPaths = ["model.transmission"], Points = [["0.02"], ["0.04"]] };

        Assert.Equal(
            ["At the first of 2 sweep points (model.transmission = 0.02), within two years, the best of the 5 arms, b, makes 90% of the organisation competent; the least, d, 10%."],
            KeyMessage.Compose(tables));
    }

    [Fact]
    public void AClearGapInRetention_IsTheThirdSentence_AndASmallOneIsLeftOut()
    {
        StatRow Kept(string arm, double mean, double half) => new(0, arm, "retention", mean, mean - half, mean + half, 20);
        ResultTables clear = Tables([], [.. Reach("teams", 0.44, null, 0), .. Reach("leaders", 0.51, null, 0), Kept("teams", 0.999, 0.002), Kept("leaders", 0.912, 0.009)]);
        Assert.Equal("One year after training, teams keeps 99.9% of what its trained people learnt; leaders, 91%.", KeyMessage.Compose(clear)[^1]);

        // A 4-point gap is no headline; nor is a 6-point one whose intervals overlap.
        ResultTables small = Tables([], [.. Reach("teams", 0.44, null, 0), .. Reach("leaders", 0.51, null, 0), Kept("teams", 0.95, 0.01), Kept("leaders", 0.91, 0.01)]);
        ResultTables noisy = Tables([], [.. Reach("teams", 0.44, null, 0), .. Reach("leaders", 0.51, null, 0), Kept("teams", 0.95, 0.04), Kept("leaders", 0.89, 0.04)]);
        Assert.DoesNotContain(KeyMessage.Compose(small), s => s.Contains("after training", StringComparison.Ordinal));
        Assert.DoesNotContain(KeyMessage.Compose(noisy), s => s.Contains("after training", StringComparison.Ordinal));
    }

    [Fact]
    public void ASensitivityAnalysis_HasNoKeyMessage_ItsDesignPointsAreNoOnesScenario()
    {
        ResultTables tables = Tables([], [.. Reach("a", 0.3, null, 0), .. Reach("b", 0.9, 40, 1)]);
        Assert.NotEmpty(KeyMessage.Compose(tables));
        var analysis = new OrgSim.Experiments.Sensitivity.OutputAnalysis(new OrgSim.Experiments.Sensitivity.SensitivityOutput("competent_share_final", "b"), null, null, 0, 0.5, 0.1);
        Assert.Empty(KeyMessage.Compose(tables with { Sensitivity = [analysis] }));
    }

    [Fact]
    public void NoFinalShares_NoMessage() =>
        Assert.Empty(KeyMessage.Compose(Tables([], [new StatRow(0, "a", "weeks_to_50pct", 50, 49, 51, 20)])));

    [Theory]
    [InlineData(1, "1 week")]
    [InlineData(8, "8 weeks")]
    [InlineData(9, "9 weeks (about 2 months)")]
    [InlineData(35, "35 weeks (about 8 months)")]
    [InlineData(52, "52 weeks (one year)")]
    [InlineData(103, "103 weeks (about 24 months)")]
    [InlineData(104, "104 weeks (two years)")]
    [InlineData(130, "130 weeks (about 2.5 years)")]
    public void Durations_GiveTheWeeksThenWhatAManagerCallsThem(int weeks, string expected) =>
        Assert.Equal(expected, PlainNumbers.Duration(weeks));

    [Theory]
    [InlineData(0.0, "0%")]
    [InlineData(0.003, "0.3%")]
    [InlineData(0.505, "51%")]
    [InlineData(0.997, "99.7%")]
    [InlineData(1.0, "100%")]
    public void WholePercent_RoundsHalvesUp_ButNeverToAnEndTheShareDidNotReach(double share, string expected) =>
        Assert.Equal(expected, PlainNumbers.WholePercent(share));
}
