using OrgSim.Experiments.Sensitivity;
using static OrgSim.Experiments.Tests.Sensitivity.SensitivityTestFunctions;

namespace OrgSim.Experiments.Tests.Sensitivity;

public class SaltelliDesignTests
{
    [Fact]
    public void AAndB_AreTheTwoHalvesOfTheSobolSequence()
    {
        SaltelliDesign design = SaltelliDesign.Create(GRanges(3), 16, seed: 0, scrambled: false);
        SobolSequence sequence = SobolSequence.Unscrambled(6);
        for (int row = 0; row < 16; row++)
        {
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(sequence.Coordinate(row, i), design.UnitCoordinate(design.IndexOfA(row), i));
                Assert.Equal(sequence.Coordinate(row, 3 + i), design.UnitCoordinate(design.IndexOfB(row), i));
            }
        }

        Assert.False(design.IsScrambled);
    }

    [Fact]
    public void EachABMatrix_IsAWithOneColumnFromB()
    {
        SaltelliDesign design = SaltelliDesign.Create(GRanges(4), 32, seed: 8);
        for (int row = 0; row < 32; row++)
        {
            for (int from = 0; from < 4; from++)
            {
                int point = design.IndexOfAB(row, from);
                for (int i = 0; i < 4; i++)
                {
                    int source = i == from ? design.IndexOfB(row) : design.IndexOfA(row);
                    Assert.Equal(design.UnitCoordinate(source, i), design.UnitCoordinate(point, i));
                }
            }
        }
    }

    [Fact]
    public void Points_AreNumberedRowByRowInSalibsOrder()
    {
        SaltelliDesign design = SaltelliDesign.Create(GRanges(2), 4, seed: 1);
        Assert.Equal(16, design.PointCount);
        Assert.Equal(
            [
                new SaltelliPoint(1, SaltelliMatrix.A, -1),
                new SaltelliPoint(1, SaltelliMatrix.AB, 0),
                new SaltelliPoint(1, SaltelliMatrix.AB, 1),
                new SaltelliPoint(1, SaltelliMatrix.B, -1),
            ],
            Enumerable.Range(4, 4).Select(design.Locate));
        Assert.Equal((4, 5, 6, 7), (design.IndexOfA(1), design.IndexOfAB(1, 0), design.IndexOfAB(1, 1), design.IndexOfB(1)));
    }

    [Fact]
    public void Designs_AreTheSameForASeedAndDifferForAnother()
    {
        Assert.Equal(Coordinates(SaltelliDesign.Create(GRanges(3), 8, 1)), Coordinates(SaltelliDesign.Create(GRanges(3), 8, 1)));
        Assert.NotEqual(Coordinates(SaltelliDesign.Create(GRanges(3), 8, 1)), Coordinates(SaltelliDesign.Create(GRanges(3), 8, 2)));
        Assert.Equal(Coordinates(SaltelliDesign.Create(GRanges(3), 8, 1, scrambled: false)), Coordinates(SaltelliDesign.Create(GRanges(3), 8, 2, scrambled: false)));
    }

    [Fact]
    public void ALargerN_StartsWithTheSamePoints()
    {
        List<double> small = Coordinates(SaltelliDesign.Create(GRanges(3), 8, 4)), large = Coordinates(SaltelliDesign.Create(GRanges(3), 64, 4));
        Assert.Equal(small, large.Take(small.Count));
    }

    [Fact]
    public void FiftyParameters_AreTheMost()
    {
        SaltelliDesign design = SaltelliDesign.Create(GRanges(SaltelliDesign.MaxParameters), 2, seed: 1);
        Assert.Equal(2 * (SaltelliDesign.MaxParameters + 2), design.PointCount);
        Assert.Equal(
            ["51 parameters are too many for a Sobol' design; at most 50 are possible (screen them with Morris first)"],
            SaltelliDesign.Problems(51, 1024));
        Assert.Throws<ArgumentException>(() => SaltelliDesign.Create(GRanges(51), 1024, seed: 1));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-4)]
    public void N_MustBeAPowerOfTwo(int n)
    {
        string problem = $"N is {n}; must be a power of two, at least 2 (such as 1024 or 8192), for the Sobol' points to be balanced";
        Assert.Equal([problem], SaltelliDesign.Problems(3, n));
        ArgumentException e = Assert.Throws<ArgumentException>(() => SaltelliDesign.Create(GRanges(3), n, 1));
        Assert.StartsWith(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooManyRuns_AreRefused() =>
        Assert.Equal(["N = 1073741824 with 3 parameters is 5368709120 runs; at most 2147483647 are possible"], SaltelliDesign.Problems(3, 1 << 30));

    private static List<double> Coordinates(SaltelliDesign design) =>
        [.. Enumerable.Range(0, design.PointCount).SelectMany(p => Enumerable.Range(0, design.Parameters.Count).Select(i => design.UnitCoordinate(p, i)))];
}
