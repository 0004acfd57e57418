using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Tests.Statistics;

public class ContrastBoundsTests
{
    [Theory]
    [InlineData(5, 5, 5, ContrastBound.Exact, "exact")]
    [InlineData(3, 5, 5, ContrastBound.AtLeast, "at_least")]
    [InlineData(5, 0, 5, ContrastBound.AtMost, "at_most")]
    [InlineData(2, 4, 5, ContrastBound.Unknown, "unknown")]
    [InlineData(0, 0, 5, ContrastBound.Undefined, "undefined")]
    public void Of_SaysWhatACensoredDifferenceIs(int armReached, int referenceReached, int pairs, ContrastBound expected, string name)
    {
        Assert.Equal(expected, ContrastBounds.Of(armReached, referenceReached, pairs));
        Assert.Equal(name, ContrastBounds.Name(expected));
    }
}
