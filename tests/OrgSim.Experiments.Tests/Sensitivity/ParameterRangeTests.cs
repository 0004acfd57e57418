using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Tests.Sensitivity;

public class ParameterRangeTests
{
    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(0.25, 2.5)]
    [InlineData(0.5, 3.0)]
    [InlineData(1.0, 4.0)]
    public void ValueAt_IsLinearOnAUniformRange(double unit, double expected) =>
        Assert.Equal(expected, new ParameterRange("x", 2, 4).ValueAt(unit), 12);

    [Theory]
    [InlineData(0.0, 0.001)]
    [InlineData(0.25, 0.01)]
    [InlineData(0.5, 0.1)]
    [InlineData(0.75, 1.0)]
    [InlineData(1.0, 10.0)]
    public void ValueAt_IsGeometricOnALogUniformRange(double unit, double expected) =>
        Assert.Equal(expected, new ParameterRange("rate", 0.001, 10, ParameterScale.LogUniform).ValueAt(unit), 1e-12 * expected);

    [Fact]
    public void ValueAt_GivesTheBoundsExactlyAtTheEnds()
    {
        // exp(log(0.1)) is 0.10000000000000002, and 0.1 + 1·(0.3 − 0.1) is not exactly 0.3 either.
        var log = new ParameterRange("r", 0.1, 0.3, ParameterScale.LogUniform);
        var linear = new ParameterRange("r", 0.1, 0.3);
        foreach (ParameterRange range in new[] { log, linear })
        {
            Assert.Equal(0.1, range.ValueAt(0));
            Assert.Equal(0.3, range.ValueAt(1));
            Assert.InRange(range.ValueAt(1 - 1e-16), 0.1, 0.3);
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void ValueAt_RefusesACoordinateOutsideTheUnitInterval(double unit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParameterRange("x", 0, 1).ValueAt(unit));

    [Theory]
    [InlineData("", 0, 1, ParameterScale.Uniform, "name is empty; every parameter needs a name")]
    [InlineData("x", 2, 1, ParameterScale.Uniform, "range of 'x' is [2, 1]; low must be below high")]
    [InlineData("x", 1, 1, ParameterScale.Uniform, "range of 'x' is [1, 1]; low must be below high")]
    [InlineData("x", double.NaN, 1, ParameterScale.Uniform, "low of 'x' is NaN; must be a finite number")]
    [InlineData("x", 0, double.PositiveInfinity, ParameterScale.Uniform, "high of 'x' is Infinity; must be a finite number")]
    [InlineData("rate", 0, 1, ParameterScale.LogUniform, "low of 'rate' is 0; a log-uniform range must start above 0")]
    [InlineData("rate", -1, 1, ParameterScale.LogUniform, "low of 'rate' is -1; a log-uniform range must start above 0")]
    [InlineData("x", 0, 1, (ParameterScale)7, "scale of 'x' is 7; must be uniform or log-uniform")]
    public void Problems_SayWhatIsWrongAndTheConstructorThrowsIt(string name, double low, double high, ParameterScale scale, string problem)
    {
        Assert.Equal([problem], ParameterRange.Problems(name, low, high, scale));
        ArgumentException e = Assert.Throws<ArgumentException>(() => new ParameterRange(name, low, high, scale));
        Assert.StartsWith(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_ListsEveryProblemAtOnce()
    {
        Assert.Equal(
            ["name is empty; every parameter needs a name", "low of the parameter is NaN; must be a finite number", "high of the parameter is NaN; must be a finite number"],
            ParameterRange.Problems(" ", double.NaN, double.NaN, ParameterScale.Uniform));
    }

    [Fact]
    public void ToString_NamesTheRangeAndItsScale()
    {
        Assert.Equal("model.rate in [0.001, 0.5] (log-uniform)", new ParameterRange("model.rate", 0.001, 0.5, ParameterScale.LogUniform).ToString());
        Assert.Equal("w in [0, 1]", new ParameterRange("w", 0, 1).ToString());
    }
}
