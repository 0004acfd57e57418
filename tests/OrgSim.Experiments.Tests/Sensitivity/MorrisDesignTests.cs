using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Tests.Sensitivity;

public class MorrisDesignTests
{
    private static readonly ParameterRange[] Four =
    [
        new("a", 0, 1),
        new("b", -5, 5),
        new("c", 0.001, 1, ParameterScale.LogUniform),
        new("d", 10, 20),
    ];

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(10)]
    public void Points_AreOnTheGridAndEachStepMovesOneParameterByDelta(int levels)
    {
        MorrisDesign design = MorrisDesign.Create(Four, trajectories: 25, levels, seed: 9);
        Assert.Equal(levels / (2.0 * (levels - 1)), design.Delta);
        Assert.Equal(25 * 5, design.PointCount);

        for (int t = 0; t < design.Trajectories; t++)
        {
            var moved = new List<int>();
            for (int step = 0; step <= 4; step++)
            {
                int point = design.PointIndex(t, step);
                Assert.Equal((t, step), (design.TrajectoryOf(point), design.StepOf(point)));
                for (int i = 0; i < 4; i++)
                {
                    double level = design.UnitCoordinate(point, i) * (levels - 1);
                    Assert.True(level == Math.Round(level) && level >= 0 && level <= levels - 1, $"trajectory {t}, step {step}, {Four[i].Name}: {design.UnitCoordinate(point, i)} is not one of {levels} levels");
                }

                if (step > 0)
                {
                    int changed = 0;
                    for (int i = 0; i < 4; i++)
                    {
                        double difference = design.UnitCoordinate(point, i) - design.UnitCoordinate(point - 1, i);
                        if (difference != 0)
                        {
                            changed++;
                            Assert.Equal(design.MovedParameter(t, step), i);
                            Assert.Equal(design.Direction(t, i) * design.Delta, difference, 1e-12);
                        }
                    }

                    Assert.Equal(1, changed);
                    moved.Add(design.MovedParameter(t, step));
                }
            }

            Assert.Equal([0, 1, 2, 3], moved.Order());
        }
    }

    [Fact]
    public void Levels_AreVisitedEquallyOften()
    {
        // Each of the r(k + 1)k = 20,000 coordinates is one of p = 4 levels with probability 1/4
        // (the base level is uniform on the lower half, the direction on ±), so each count is
        // binomial with mean 5,000 and standard deviation √(20000 · 1/4 · 3/4) ≈ 61; the
        // counts of one trajectory are dependent, which at most doubles that. 5,000 ± 400 is
        // over 3 such deviations.
        MorrisDesign design = MorrisDesign.Create(Four, trajectories: 1000, levels: 4, seed: 21);
        var counts = new int[4];
        for (int point = 0; point < design.PointCount; point++)
        {
            for (int i = 0; i < 4; i++)
            {
                counts[(int)Math.Round(design.UnitCoordinate(point, i) * 3)]++;
            }
        }

        Assert.All(counts, c => Assert.InRange(c, 4600, 5400));
    }

    [Fact]
    public void Designs_AreTheSameForASeedAndDifferForAnother()
    {
        MorrisDesign one = MorrisDesign.Create(Four, 10, 4, seed: 5), again = MorrisDesign.Create(Four, 10, 4, seed: 5), other = MorrisDesign.Create(Four, 10, 4, seed: 6);
        Assert.Equal(Coordinates(one), Coordinates(again));
        Assert.NotEqual(Coordinates(one), Coordinates(other));
    }

    [Fact]
    public void MoreTrajectories_StartWithTheSameOnes()
    {
        MorrisDesign small = MorrisDesign.Create(Four, 5, 4, seed: 5), large = MorrisDesign.Create(Four, 12, 4, seed: 5);
        Assert.Equal(Coordinates(small), Coordinates(large).Take(small.PointCount * 4));
    }

    [Fact]
    public void ValuesAt_MapsTheUnitCoordinatesThroughTheRanges()
    {
        MorrisDesign design = MorrisDesign.Create(Four, 3, 4, seed: 1);
        var values = new double[4];
        var unit = new double[4];
        design.ValuesAt(7, values);
        design.UnitCoordinatesAt(7, unit);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => Four[i].ValueAt(unit[i])), values);
        Assert.Equal(design.Value(7, 2), values[2]);
    }

    [Theory]
    [InlineData(1, 4, "trajectories is 1; must be at least 2, for σ needs two elementary effects of each parameter")]
    [InlineData(10, 3, "levels is 3; must be an even number, at least 2 (4 is usual), so that every level is visited equally often")]
    [InlineData(10, 0, "levels is 0; must be an even number, at least 2 (4 is usual), so that every level is visited equally often")]
    [InlineData(1_000_000_000, 4, "1000000000 trajectories of 4 parameters are 5000000000 runs; at most 2147483647 are possible")]
    public void Problems_SayWhatIsWrongAndCreateThrowsIt(int trajectories, int levels, string problem)
    {
        Assert.Equal([problem], MorrisDesign.Problems(4, trajectories, levels));
        ArgumentException e = Assert.Throws<ArgumentException>(() => MorrisDesign.Create(Four, trajectories, levels, 1));
        Assert.StartsWith(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_MustBeThereAndNamedOnce()
    {
        Assert.Equal(["no parameters; a design needs at least one"], SensitivityDesign.ParameterProblems([]));
        Assert.Equal(["parameter 'a' is given twice; each may vary once"], SensitivityDesign.ParameterProblems([Four[0], Four[1], Four[0]]));
        Assert.Throws<ArgumentException>(() => MorrisDesign.Create([], 10, 4, 1));
    }

    [Fact]
    public void IndicesOutsideTheDesign_AreRefused()
    {
        MorrisDesign design = MorrisDesign.Create(Four, 2, 4, seed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => design.UnitCoordinate(design.PointCount, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => design.UnitCoordinate(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => design.MovedParameter(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => design.MovedParameter(2, 1));
        Assert.Throws<ArgumentException>(() => design.ValuesAt(0, new double[3]));
    }

    private static List<double> Coordinates(MorrisDesign design) =>
        [.. Enumerable.Range(0, design.PointCount).SelectMany(p => Enumerable.Range(0, 4).Select(i => design.UnitCoordinate(p, i)))];
}
