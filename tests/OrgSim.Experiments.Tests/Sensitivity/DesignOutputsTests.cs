using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Tests.Sensitivity;

public class DesignOutputsTests
{
    private static readonly MorrisDesign Design = MorrisDesign.Create([new ParameterRange("x", 0, 1), new ParameterRange("y", 0, 1)], trajectories: 2, levels: 4, seed: 1);

    [Fact]
    public void Outputs_ComeBackInAnyOrderAndCountOnce()
    {
        var outputs = new DesignOutputs(Design);
        Assert.Equal(6, outputs.Count);
        Assert.Equal(6, outputs.Missing);

        outputs.Set(5, 1.5);
        outputs.Set(0, 2.5);
        outputs.Set(5, 3.5);

        Assert.Equal(4, outputs.Missing);
        Assert.Equal(3.5, outputs[5]);
        Assert.True(outputs.Has(0));
        Assert.False(outputs.Has(1));
        Assert.False(outputs.IsComplete);
    }

    [Fact]
    public void AnOutputNotYetSet_CannotBeRead()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new DesignOutputs(Design)[2]);
        Assert.Equal("point 2 has no output yet", e.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ANonFiniteOutput_IsRefused(double value)
    {
        var outputs = new DesignOutputs(Design);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => outputs.Set(1, value));
        Assert.Contains("the output of point 1 is", e.Message, StringComparison.Ordinal);
        Assert.Equal(6, outputs.Missing);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void APointOutsideTheDesign_IsRefused(int point) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DesignOutputs(Design).Set(point, 0));
}
