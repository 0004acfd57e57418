using System.Numerics;
using OrgSim.Core.Randomness;

namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// Sobol's low-discrepancy sequence (Sobol' 1967) in up to <see cref="MaxDimensions"/>
/// dimensions with the Joe–Kuo (2008) direction numbers, plain or randomised by a seed.
/// </summary>
/// <remarks>
/// <para>
/// Point n is computed directly, not by stepping from point n − 1: coordinate d is the XOR of the
/// direction integers v_{d,j} for the set bits j of the Gray code n ⊕ (n ≫ 1), over 2^32. That is
/// the order of Antonov and Saleev (1979) that Joe and Kuo's sobol.cc produces, point 0 being the
/// origin, so any point of a design can be computed alone, on any machine, in any order.
/// </para>
/// <para>
/// The randomised sequence (<see cref="Scrambled"/>) applies Matoušek's (1998) random linear
/// matrix scramble and a random digital shift to each dimension, as SciPy's default does: every
/// direction integer is multiplied by a random lower-triangular binary matrix with a unit
/// diagonal, then every point is XORed with a random 32-bit word. Both keep the net structure
/// that makes the sequence even (each of the first 2^m points still falls in its own interval of
/// width 2^−m along every axis), while making each coordinate uniform on [0, 1), so an estimate
/// from it is unbiased and a second seed gives an independent replicate of the design. The shift
/// alone would already make each point uniform; the matrix also randomises how the digits of the
/// plain sequence combine, so two seeds differ in structure, not only in position. Owen's nested
/// scrambling randomises further but costs a tree of random bits per dimension, which the
/// estimators here do not need.
/// </para>
/// </remarks>
public sealed class SobolSequence
{
    /// <summary>The most dimensions the direction-number table supports.</summary>
    public const int MaxDimensions = JoeKuoDirectionNumbers.Dimensions;

    /// <summary>The number of points before the sequence runs out of 32-bit precision: 2^32.</summary>
    public const long MaxPoints = 1L << JoeKuoDirectionNumbers.Bits;

    private const int Bits = JoeKuoDirectionNumbers.Bits;
    private const double Scale = 1.0 / (1L << Bits);

    private readonly uint[] _directions;
    private readonly uint[] _shifts;

    private SobolSequence(int dimensions, uint[] directions, uint[] shifts, bool scrambled)
    {
        Dimensions = dimensions;
        _directions = directions;
        _shifts = shifts;
        IsScrambled = scrambled;
    }

    /// <summary>How many coordinates each point has.</summary>
    public int Dimensions { get; }

    /// <summary>Whether the sequence is randomised (<see cref="Scrambled"/>) or plain (<see cref="Unscrambled"/>).</summary>
    public bool IsScrambled { get; }

    /// <summary>The plain sequence, point for point what Joe and Kuo's sobol.cc prints.</summary>
    /// <param name="dimensions">1 to <see cref="MaxDimensions"/>.</param>
    public static SobolSequence Unscrambled(int dimensions)
    {
        CheckDimensions(dimensions);
        return new SobolSequence(dimensions, JoeKuoDirectionNumbers.DirectionIntegers(dimensions), new uint[dimensions], scrambled: false);
    }

    /// <summary>
    /// The sequence randomised by <paramref name="seed"/> with a linear matrix scramble and a
    /// digital shift: the same seed gives the same points, another seed an independent copy.
    /// </summary>
    /// <param name="dimensions">1 to <see cref="MaxDimensions"/>.</param>
    /// <param name="seed">Any 64-bit value.</param>
    public static SobolSequence Scrambled(int dimensions, ulong seed)
    {
        CheckDimensions(dimensions);
        uint[] directions = JoeKuoDirectionNumbers.DirectionIntegers(dimensions);
        var shifts = new uint[dimensions];
        ulong key = SeedDerivation.Derive(seed, "sobol-scramble", 0);
        for (int d = 0; d < dimensions; d++)
        {
            ulong dimensionKey = CounterRng.Key(key, (ulong)d);
            ScrambleDimension(directions.AsSpan(d * Bits, Bits), dimensionKey);
            shifts[d] = (uint)(CounterRng.Bits(dimensionKey, Bits) >> 32);
        }

        return new SobolSequence(dimensions, directions, shifts, scrambled: true);
    }

    /// <summary>Coordinate <paramref name="dimension"/> (0-based) of point <paramref name="index"/>, in [0, 1).</summary>
    /// <param name="index">0 to <see cref="MaxPoints"/> − 1; point 0 of the plain sequence is the origin.</param>
    /// <param name="dimension">0 to <see cref="Dimensions"/> − 1.</param>
    public double Coordinate(long index, int dimension)
    {
        if ((ulong)index >= MaxPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"should be in range [0, {MaxPoints - 1}]");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimension, Dimensions);
        ulong gray = (ulong)index ^ ((ulong)index >> 1);
        uint x = _shifts[dimension];
        ReadOnlySpan<uint> directions = _directions.AsSpan(dimension * Bits, Bits);
        while (gray != 0)
        {
            x ^= directions[BitOperations.TrailingZeroCount(gray)];
            gray &= gray - 1;
        }

        return x * Scale;
    }

    /// <summary>Writes the <see cref="Dimensions"/> coordinates of point <paramref name="index"/> into <paramref name="point"/>.</summary>
    public void PointAt(long index, Span<double> point)
    {
        if (point.Length != Dimensions)
        {
            throw new ArgumentException($"has {point.Length} elements; the sequence has {Dimensions} dimensions", nameof(point));
        }

        for (int d = 0; d < Dimensions; d++)
        {
            point[d] = Coordinate(index, d);
        }
    }

    private static void CheckDimensions(int dimensions)
    {
        if (dimensions < 1 || dimensions > MaxDimensions)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"should be in range [1, {MaxDimensions}]");
        }
    }

    /// <summary>
    /// Multiplies each direction integer by a random nonsingular lower-triangular matrix L over
    /// GF(2): output digit r (r = 0 the most significant) is the parity of row r of L and the input
    /// digits 0 … r. Row r has a 1 on the diagonal and random bits left of it (the more significant
    /// digits), so each v_j keeps its leading digit and the sequence keeps its net property.
    /// </summary>
    private static void ScrambleDimension(Span<uint> directions, ulong key)
    {
        Span<uint> rows = stackalloc uint[Bits];
        for (int r = 0; r < Bits; r++)
        {
            uint diagonal = 1u << (Bits - 1 - r);
            uint moreSignificant = ~((diagonal << 1) - 1);
            rows[r] = ((uint)(CounterRng.Bits(key, (ulong)r) >> 32) & moreSignificant) | diagonal;
        }

        for (int j = 0; j < directions.Length; j++)
        {
            uint scrambled = 0;
            for (int r = 0; r < Bits; r++)
            {
                scrambled |= (uint)(BitOperations.PopCount(rows[r] & directions[j]) & 1) << (Bits - 1 - r);
            }

            directions[j] = scrambled;
        }
    }
}
