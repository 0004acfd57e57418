namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// Saltelli's (2002, 2010) design for Sobol' indices: two N × k matrices A and B from a Sobol'
/// sequence of 2k dimensions, and the k matrices A_B^(i), each A with column i from B — N(k + 2)
/// points that give first-order and total indices of every parameter (<see cref="SobolEstimator"/>).
/// </summary>
/// <remarks>
/// <para>
/// Row n of A is coordinates 0 … k − 1 of point n of the sequence and row n of B coordinates
/// k … 2k − 1, for n = 0 … N − 1, point 0 included: with N a power of two the rows are a complete
/// net, the balance that dropping or adding points would break (Owen 2020, "On dropping the first
/// Sobol' point"). The sequence is scrambled by the seed unless asked not to be
/// (<see cref="SobolSequence.Scrambled"/>): then estimates are unbiased and another seed gives an
/// independent replicate.
/// </para>
/// <para>
/// Points are numbered row by row, in SALib's order within a row: point n(k + 2) is A's row n,
/// points n(k + 2) + 1 + i are A_B^(i)'s, and n(k + 2) + k + 1 is B's. A design with a larger N
/// therefore starts with the same points, numbered the same.
/// </para>
/// </remarks>
public sealed class SaltelliDesign : SensitivityDesign
{
    private readonly int _k;
    private readonly SobolSequence _sequence;

    private SaltelliDesign(IReadOnlyList<ParameterRange> parameters, int baseSamples, ulong seed, bool scrambled)
        : base(parameters, seed)
    {
        _k = parameters.Count;
        BaseSamples = baseSamples;
        _sequence = scrambled ? SobolSequence.Scrambled(2 * _k, seed) : SobolSequence.Unscrambled(2 * _k);
    }

    /// <summary>The most parameters a design can have: half the dimensions of the Sobol' table.</summary>
    public const int MaxParameters = SobolSequence.MaxDimensions / 2;

    /// <summary>N, the rows of each matrix: a power of two.</summary>
    public int BaseSamples { get; }

    /// <summary>Whether the Sobol' sequence is randomised by the seed.</summary>
    public bool IsScrambled => _sequence.IsScrambled;

    /// <inheritdoc/>
    public override int PointCount => BaseSamples * (_k + 2);

    /// <summary>
    /// The design with <paramref name="baseSamples"/> rows for <paramref name="parameters"/>, its
    /// Sobol' sequence scrambled by <paramref name="seed"/> unless <paramref name="scrambled"/> is false.
    /// </summary>
    /// <param name="parameters">1 to <see cref="MaxParameters"/> parameters, names unique.</param>
    /// <param name="baseSamples">N, a power of two, at least 2; 2^10 to 2^13 is usual.</param>
    /// <param name="seed">Any 64-bit value; ignored when <paramref name="scrambled"/> is false.</param>
    /// <param name="scrambled">Randomise the sequence (the default), or use the plain one.</param>
    public static SaltelliDesign Create(IReadOnlyList<ParameterRange> parameters, int baseSamples, ulong seed, bool scrambled = true)
    {
        ThrowIfAny(ParameterProblems(parameters), nameof(parameters));
        IReadOnlyList<string> problems = Problems(parameters.Count, baseSamples);
        ThrowIfAny(problems, parameters.Count > MaxParameters ? nameof(parameters) : nameof(baseSamples));
        return new SaltelliDesign(parameters, baseSamples, seed, scrambled);
    }

    /// <summary>
    /// Everything wrong with N for <paramref name="parameterCount"/> parameters, one sentence each;
    /// empty when a design can be made.
    /// </summary>
    public static IReadOnlyList<string> Problems(int parameterCount, int baseSamples)
    {
        var problems = new List<string>();
        if (parameterCount > MaxParameters)
        {
            problems.Add($"{parameterCount} parameters are too many for a Sobol' design; at most {MaxParameters} are possible (screen them with Morris first)");
        }

        if (baseSamples < 2 || (baseSamples & (baseSamples - 1)) != 0)
        {
            problems.Add($"N is {baseSamples}; must be a power of two, at least 2 (such as 1024 or 8192), for the Sobol' points to be balanced");
        }
        else if (parameterCount >= 1 && (long)baseSamples * (parameterCount + 2) > int.MaxValue)
        {
            problems.Add($"N = {baseSamples} with {parameterCount} parameters is {(long)baseSamples * (parameterCount + 2)} runs; at most {int.MaxValue} are possible");
        }

        return problems;
    }

    /// <summary>The point that is row <paramref name="row"/> of A.</summary>
    public int IndexOfA(int row) => RowStart(row);

    /// <summary>The point that is row <paramref name="row"/> of B.</summary>
    public int IndexOfB(int row) => RowStart(row) + _k + 1;

    /// <summary>The point that is row <paramref name="row"/> of A_B^(<paramref name="parameter"/>).</summary>
    public int IndexOfAB(int row, int parameter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(parameter, _k);
        return RowStart(row) + 1 + parameter;
    }

    /// <summary>Which matrix and row point <paramref name="point"/> is.</summary>
    public SaltelliPoint Locate(int point)
    {
        CheckPoint(point, 0);
        int row = point / (_k + 2), slot = point % (_k + 2);
        return slot == 0 ? new SaltelliPoint(row, SaltelliMatrix.A, -1)
            : slot == _k + 1 ? new SaltelliPoint(row, SaltelliMatrix.B, -1)
            : new SaltelliPoint(row, SaltelliMatrix.AB, slot - 1);
    }

    /// <inheritdoc/>
    public override double UnitCoordinate(int point, int parameter)
    {
        CheckPoint(point, parameter);
        int row = point / (_k + 2), slot = point % (_k + 2);
        bool fromB = slot == _k + 1 || slot - 1 == parameter;
        return _sequence.Coordinate(row, fromB ? _k + parameter : parameter);
    }

    private int RowStart(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, BaseSamples);
        return row * (_k + 2);
    }
}
