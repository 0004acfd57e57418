using OrgSim.Experiments.Tipping;
using Xunit;

namespace OrgSim.Experiments.Tests.Tipping;

public sealed class CrossingEstimatorTests
{
    [Theory]
    [InlineData(new[] { 0.0, 1.0 }, new[] { -1.0, 1.0 }, 0.5)]
    [InlineData(new[] { 0.0, 1.0, 2.0 }, new[] { -3.0, -1.0, 3.0 }, 1.25)]
    [InlineData(new[] { 0.0, 1.0 }, new[] { 2.0, -2.0 }, 0.5)]
    [InlineData(new[] { 0.0, 1.0, 2.0 }, new[] { -1.0, 0.0, 1.0 }, 1.0)]
    public void Crossing_interpolates_between_the_first_pair_that_changes_sign(double[] values, double[] means, double expected) =>
        Assert.Equal(expected, CrossingEstimator.Crossing(values, means)!.Value, 12);

    [Fact]
    public void Crossing_is_null_without_a_sign_change() =>
        Assert.Null(CrossingEstimator.Crossing([0.0, 1, 2], [1.0, 2, 0.5]));

    [Fact]
    public void Sign_changes_are_counted() => Assert.Equal(3, CrossingEstimator.SignChanges([-1.0, 1, -1, 1]));

    [Fact]
    public void The_interval_of_noiseless_replicates_is_the_crossing_itself()
    {
        TippingProbe[] probes = [new(0, [-1.0, -1, -1]), new(1, [1.0, 1, 1])];
        var (low, high) = CrossingEstimator.Interval(probes, positiveAbove: true, 500, seed: 1);

        Assert.Equal((0.5, 0.5), (low, high));
    }

    [Fact]
    public void The_interval_is_the_same_for_the_same_seed_and_probes()
    {
        TippingProbe[] probes = [new(0, [-1.0, -0.2, -1.4, 0.1]), new(1, [1.0, 0.3, 2, -0.1])];

        Assert.Equal(CrossingEstimator.Interval(probes, true, 1000, 3), CrossingEstimator.Interval(probes, true, 1000, 3));
    }

    [Fact]
    public void Quantile_interpolates_between_order_statistics() =>
        Assert.Equal(2.5, CrossingEstimator.Quantile([1.0, 2, 3, 4], 0.5), 12);
}
