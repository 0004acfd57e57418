namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// A sampling design of a sensitivity analysis: points numbered 0 … <see cref="PointCount"/> − 1,
/// each a value for every parameter. The design is a rule, not a list: a point's coordinates are
/// computed when asked for, from the seed and the point's index alone, so a plan of 20,000 runs
/// holds no 20,000 objects and any point can be run alone (a shard, a resumed run) and give the
/// same values.
/// </summary>
/// <remarks>
/// Designs work in the unit hypercube; <see cref="ParameterRange.ValueAt"/> maps a unit coordinate
/// to the value a run uses. The model's outputs come back by point index through
/// <see cref="DesignOutputs"/>.
/// </remarks>
public abstract class SensitivityDesign
{
    private protected SensitivityDesign(IReadOnlyList<ParameterRange> parameters, ulong seed)
    {
        Parameters = parameters;
        Seed = seed;
    }

    /// <summary>The parameters, in the order of the coordinates.</summary>
    public IReadOnlyList<ParameterRange> Parameters { get; }

    /// <summary>The seed the design was drawn with.</summary>
    public ulong Seed { get; }

    /// <summary>How many points, and so model evaluations, the design asks for.</summary>
    public abstract int PointCount { get; }

    /// <summary>The unit coordinate in [0, 1] of parameter <paramref name="parameter"/> at point <paramref name="point"/>.</summary>
    public abstract double UnitCoordinate(int point, int parameter);

    /// <summary>The value of parameter <paramref name="parameter"/> at point <paramref name="point"/>, inside its range.</summary>
    public double Value(int point, int parameter) => Parameters[parameter].ValueAt(UnitCoordinate(point, parameter));

    /// <summary>Writes the value of every parameter at point <paramref name="point"/> into <paramref name="values"/>.</summary>
    public void ValuesAt(int point, Span<double> values)
    {
        CheckLength(values);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Value(point, i);
        }
    }

    /// <summary>Writes every unit coordinate of point <paramref name="point"/> into <paramref name="unit"/>.</summary>
    public void UnitCoordinatesAt(int point, Span<double> unit)
    {
        CheckLength(unit);
        for (int i = 0; i < unit.Length; i++)
        {
            unit[i] = UnitCoordinate(point, i);
        }
    }

    /// <summary>
    /// Everything wrong with a list of parameters for a design: none at all, a missing entry, a
    /// name given twice. Empty when the list is fine.
    /// </summary>
    public static IReadOnlyList<string> ParameterProblems(IReadOnlyList<ParameterRange?>? parameters)
    {
        if (parameters is null || parameters.Count == 0)
        {
            return ["no parameters; a design needs at least one"];
        }

        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < parameters.Count; i++)
        {
            ParameterRange? p = parameters[i];
            if (p is null)
            {
                problems.Add($"parameter {i} is missing");
            }
            else if (!seen.Add(p.Name))
            {
                problems.Add($"parameter '{p.Name}' is given twice; each may vary once");
            }
        }

        return problems;
    }

    /// <summary>Throws for an index outside the design, naming the design's size.</summary>
    private protected void CheckPoint(int point, int parameter)
    {
        if ((uint)point >= (uint)PointCount)
        {
            throw new ArgumentOutOfRangeException(nameof(point), point, $"should be in range [0, {PointCount - 1}]");
        }

        if ((uint)parameter >= (uint)Parameters.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(parameter), parameter, $"should be in range [0, {Parameters.Count - 1}]");
        }
    }

    /// <summary>Throws the first of <paramref name="problems"/> as an <see cref="ArgumentException"/> for <paramref name="argument"/>.</summary>
    private protected static void ThrowIfAny(IReadOnlyList<string> problems, string argument)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), argument);
        }
    }

    private void CheckLength(Span<double> values)
    {
        if (values.Length != Parameters.Count)
        {
            throw new ArgumentException($"has {values.Length} elements; the design has {Parameters.Count} parameters", nameof(values));
        }
    }
}
