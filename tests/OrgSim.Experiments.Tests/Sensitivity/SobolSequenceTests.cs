using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Tests.Sensitivity;

public class SobolSequenceTests
{
    // Reference points printed by Joe and Kuo's own generator, sobol.cc, with the direction numbers
    // new-joe-kuo-6.21201, as Boost.Random's test/sobol_validate.cpp records them ("sobol SKIP+N+1
    // DIMENSION new-joe-kuo-6.21201 | tail -n N", ten decimals; sobol.cc's last digit is rounding,
    // hence the tolerance of 1e-9).
    private const double Printed = 1e-9;

    [Fact]
    public void Unscrambled_FirstPointsInTwoDimensionsMatchSobolCc()
    {
        double[][] expected =
        [
            [0.0, 0.0],
            [0.5000000002, 0.5000000002],
            [0.7500000003, 0.2500000001],
            [0.2500000001, 0.7500000003],
            [0.3750000002, 0.3750000002],
            [0.8750000004, 0.8750000004],
            [0.6250000003, 0.1250000001],
            [0.1250000001, 0.6250000003],
            [0.1875000001, 0.3125000001],
            [0.6875000003, 0.8125000004],
            [0.9375000004, 0.0625000000],
        ];
        AssertPoints(SobolSequence.Unscrambled(2), 0, expected);
    }

    [Fact]
    public void Unscrambled_PointsFrom128InSixteenDimensionsMatchSobolCc()
    {
        // Points 128 to 131 and 227 (skip 127): past the degrees of the first polynomials, so the
        // recurrence that extends the direction numbers is exercised, not only the table.
        double[][] first =
        [
            [0.0117187500, 0.3320312500, 0.2929687500, 0.1914062500, 0.9023437500, 0.6757812500, 0.8632812500, 0.2460937500, 0.1054687500, 0.8164062500, 0.7382812500, 0.7382812500, 0.8164062500, 0.8789062500, 0.0273437500, 0.7617187500],
            [0.5117187500, 0.8320312500, 0.7929687500, 0.6914062500, 0.4023437500, 0.1757812500, 0.3632812500, 0.7460937500, 0.6054687500, 0.3164062500, 0.2382812500, 0.2382812500, 0.3164062500, 0.3789062500, 0.5273437500, 0.2617187500],
            [0.7617187500, 0.0820312500, 0.0429687500, 0.4414062500, 0.1523437500, 0.4257812500, 0.6132812500, 0.9960937500, 0.8554687500, 0.0664062500, 0.4882812500, 0.4882812500, 0.5664062500, 0.6289062500, 0.7773437500, 0.5117187500],
            [0.2617187500, 0.5820312500, 0.5429687500, 0.9414062500, 0.6523437500, 0.9257812500, 0.1132812500, 0.4960937500, 0.3554687500, 0.5664062500, 0.9882812500, 0.9882812500, 0.0664062500, 0.1289062500, 0.2773437500, 0.0117187500],
        ];
        double[][] last =
        [
            [0.2851562500, 0.7148437500, 0.9257812500, 0.6679687500, 0.1445312500, 0.4492187500, 0.4804687500, 0.8945312500, 0.0976562500, 0.5117187500, 0.4179687500, 0.1992187500, 0.0429687500, 0.3554687500, 0.4570312500, 0.6132812500],
        ];
        SobolSequence sequence = SobolSequence.Unscrambled(16);
        AssertPoints(sequence, 128, first);
        AssertPoints(sequence, 227, last);
    }

    [Fact]
    public void Unscrambled_Dimension40FollowsItsRowOfTheFileByHand()
    {
        // Dimension 40's row of new-joe-kuo-6.21201 is "40 8 22 1 3 1 11 11 11 77 249": s = 8,
        // a = 22 = 0010110b, m_1..m_8 as listed. Point 256 has Gray code 256 xor 128, so it is
        // v_8 xor v_9. The first value past the table is, in units of 2^-9, with a's bits
        // selecting v_3, v_4 and v_6:
        //   m_9 = 2^8·m_1 xor m_1 xor m_6·2^3 xor m_4·2^5 xor m_3·2^6
        //       = 256 xor 1 xor 88 xor 352 xor 64 = 121,
        // so point 256 is (2·249 xor 121) / 512 = (498 xor 121) / 512 = 395/512. Point 1 is v_1 = 1/2
        // in every dimension; point 2 is v_1 xor v_2 = 1/2 xor 3/4 = 1/4.
        SobolSequence sequence = SobolSequence.Unscrambled(40);
        Assert.Equal(395 / 512.0, sequence.Coordinate(256, 39));
        Assert.Equal(0.5, sequence.Coordinate(1, 39));
        Assert.Equal(0.25, sequence.Coordinate(2, 39));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryDimension_PutsOneOfTheFirst1024PointsInEachInterval(bool scrambled)
    {
        // The net property along each axis: the first 2^m points fall one in each interval
        // [j/2^m, (j+1)/2^m). It holds only if every row's m_j is odd and below 2^j, and the
        // scramble is a nonsingular lower-triangular matrix.
        const int m = 10;
        SobolSequence sequence = scrambled ? SobolSequence.Scrambled(SobolSequence.MaxDimensions, 42) : SobolSequence.Unscrambled(SobolSequence.MaxDimensions);
        for (int d = 0; d < sequence.Dimensions; d++)
        {
            var seen = new bool[1 << m];
            for (int n = 0; n < 1 << m; n++)
            {
                int cell = (int)(sequence.Coordinate(n, d) * (1 << m));
                Assert.False(seen[cell], $"dimension {d}: two of the first {1 << m} points in interval {cell}");
                seen[cell] = true;
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheFirstTwoDimensions_AreA0m2Net(bool scrambled)
    {
        // Dimensions 1 and 2 of Sobol's sequence form a (0, m, 2)-net: every dyadic box of area
        // 2^-m holds exactly one of the first 2^m points. Scrambling must keep that.
        const int m = 8;
        SobolSequence sequence = scrambled ? SobolSequence.Scrambled(2, 7) : SobolSequence.Unscrambled(2);
        for (int a = 0; a <= m; a++)
        {
            var seen = new HashSet<(int, int)>();
            for (int n = 0; n < 1 << m; n++)
            {
                var box = ((int)(sequence.Coordinate(n, 0) * (1 << a)), (int)(sequence.Coordinate(n, 1) * (1 << (m - a))));
                Assert.True(seen.Add(box), $"boxes of 2^-{a} × 2^-{m - a}: two points in {box}");
            }
        }
    }

    [Fact]
    public void Scrambled_IsTheSameForASeedAndDiffersForAnother()
    {
        SobolSequence one = SobolSequence.Scrambled(6, 1), again = SobolSequence.Scrambled(6, 1), other = SobolSequence.Scrambled(6, 2);
        var differ = 0;
        for (int n = 0; n < 64; n++)
        {
            for (int d = 0; d < 6; d++)
            {
                Assert.Equal(one.Coordinate(n, d), again.Coordinate(n, d));
                differ += one.Coordinate(n, d) == other.Coordinate(n, d) ? 0 : 1;
            }
        }

        Assert.Equal(64 * 6, differ);
        Assert.True(one.IsScrambled);
        Assert.NotEqual(0.0, one.Coordinate(0, 0));
    }

    [Fact]
    public void PointAt_GivesEveryCoordinate()
    {
        SobolSequence sequence = SobolSequence.Scrambled(5, 3);
        var point = new double[5];
        sequence.PointAt(77, point);
        Assert.Equal(Enumerable.Range(0, 5).Select(d => sequence.Coordinate(77, d)), point);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SobolSequence.MaxDimensions + 1)]
    public void Dimensions_OutsideTheTableAreRefused(int dimensions)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.Unscrambled(dimensions));
        Assert.Contains($"should be in range [1, {SobolSequence.MaxDimensions}]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coordinate_RefusesAnIndexPastTheSequence()
    {
        SobolSequence sequence = SobolSequence.Unscrambled(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => sequence.Coordinate(SobolSequence.MaxPoints, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sequence.Coordinate(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sequence.Coordinate(0, 1));
    }

    private static void AssertPoints(SobolSequence sequence, long start, double[][] expected)
    {
        for (int n = 0; n < expected.Length; n++)
        {
            for (int d = 0; d < expected[n].Length; d++)
            {
                Assert.True(Math.Abs(expected[n][d] - sequence.Coordinate(start + n, d)) <= Printed, $"point {start + n}, dimension {d + 1}: sobol.cc printed {expected[n][d]}, got {sequence.Coordinate(start + n, d)}");
            }
        }
    }
}
