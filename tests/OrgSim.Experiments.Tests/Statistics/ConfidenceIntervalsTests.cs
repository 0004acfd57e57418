using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Tests.Statistics;

public class ConfidenceIntervalsTests
{
    [Fact]
    public void StudentMean_MatchesAHandComputedInterval()
    {
        // 1..5: mean 3, s = sqrt(2.5) = 1.58114, s/sqrt(5) = 0.70711, t(0.975, 4) = 2.77645 (tables),
        // so the half-width is 1.96324 and the interval [1.03676, 4.96324].
        Estimate e = ConfidenceIntervals.StudentMean([1, 2, 3, 4, 5]);
        Assert.Equal(3, e.Mean!.Value, 12);
        Assert.Equal(1.03676, e.Low!.Value, 5);
        Assert.Equal(4.96324, e.High!.Value, 5);
        Assert.Equal(5, e.N);
    }

    [Fact]
    public void StudentMean_LeavesTheIntervalUndefinedForOneValueAndEverythingForNone()
    {
        Assert.Equal(new Estimate(7, null, null, 1), ConfidenceIntervals.StudentMean([7]));
        Assert.Equal(new Estimate(null, null, null, 0), ConfidenceIntervals.StudentMean([]));
    }

    [Fact]
    public void StudentMean_OfIdenticalValuesHasZeroWidth()
    {
        Estimate e = ConfidenceIntervals.StudentMean([4, 4, 4]);
        Assert.Equal((4.0, 4.0, 4.0), (e.Mean!.Value, e.Low!.Value, e.High!.Value));
    }

    [Theory]
    // Wilson score intervals with z = 1.959964, computed by hand from the closed form.
    [InlineData(0, 20, 0.0, 0.0, 0.161125)]
    [InlineData(20, 20, 1.0, 0.838875, 1.0)]
    [InlineData(15, 20, 0.75, 0.531299, 0.888138)]
    [InlineData(5, 10, 0.5, 0.236590, 0.763410)]
    public void WilsonProportion_MatchesTheClosedForm(int successes, int n, double p, double low, double high)
    {
        Estimate e = ConfidenceIntervals.WilsonProportion(successes, n);
        Assert.Equal(p, e.Mean!.Value, 6);
        Assert.Equal(low, e.Low!.Value, tolerance: 1e-5);
        Assert.Equal(high, e.High!.Value, tolerance: 1e-5);
        Assert.Equal(n, e.N);
    }
}
