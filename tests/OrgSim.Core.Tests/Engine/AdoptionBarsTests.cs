using System.Globalization;
using OrgSim.Core.Engine;

namespace OrgSim.Core.Tests.Engine;

public class AdoptionBarsTests
{
    [Fact]
    public void RequiredCount_IsMForEveryThresholdMOverK()
    {
        for (int k = 1; k <= 300; k++)
        {
            for (int m = 0; m <= k; m++)
            {
                Assert.Equal(m, AdoptionBars.RequiredCount((double)m / k, k));
            }
        }
    }

    [Theory]
    [InlineData("0.1", 10, 1)]
    [InlineData("0.3", 10, 3)]
    [InlineData("0.18", 50, 9)]
    [InlineData("0.35", 20, 7)]
    [InlineData("0.7", 10, 7)]
    [InlineData("0.15", 1000, 150)]
    [InlineData("0.30001", 10, 4)]
    [InlineData("0.0001", 10, 1)]
    public void RequiredCount_ReadsTheThresholdAsWrittenInDecimal(string written, int contacts, int expected) =>
        Assert.Equal(expected, AdoptionBars.RequiredCount(double.Parse(written, CultureInfo.InvariantCulture), contacts));

    [Fact]
    public void RequiredCount_WithoutContactsIsZeroAtThresholdZeroAndOutOfReachAbove()
    {
        Assert.Equal(0, AdoptionBars.RequiredCount(0, 0));
        Assert.Equal(double.PositiveInfinity, AdoptionBars.RequiredCount(0.1, 0));
    }

    [Fact]
    public void RequiredExposure_IsTheThresholdShareOfTheTotalLessTheTolerance()
    {
        double bar = AdoptionBars.RequiredExposure(0.3, 10);

        Assert.True(bar <= 3 && bar >= 3 * (1 - (2 * AdoptionBars.ShareTolerance)), $"bar {bar}");
        Assert.True(0.1 + 0.2 >= AdoptionBars.RequiredExposure(0.3, 1), "0.1 + 0.2 rounds above 0.3; the bar is below both");
        Assert.True(3 * (1 - (2 * AdoptionBars.ShareTolerance)) < bar, "a share short of θ by twice the tolerance does not reach it");
        Assert.Equal(0, AdoptionBars.RequiredExposure(0, 0));
        Assert.Equal(double.PositiveInfinity, AdoptionBars.RequiredExposure(0.1, 0));
    }
}
