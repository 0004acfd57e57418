using OrgSim.Core.Randomness;

namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// Morris's (1991) screening design: r trajectories through a grid of p levels per parameter,
/// each moving one parameter at a time by Δ = p / (2(p − 1)), so r(k + 1) points give r
/// elementary effects of each of the k parameters.
/// </summary>
/// <remarks>
/// <para>
/// Trajectory t is drawn, as Morris describes, from its own random stream
/// (<see cref="SeedDerivation.Derive"/> of the seed and t, read through <see cref="CounterRng"/>):
/// for each parameter a base level ℓ in {0, …, p/2 − 1} and a direction, up (start at ℓ, move to
/// ℓ + p/2) or down (start at ℓ + p/2, move to ℓ); then a random order in which the parameters
/// move, by Fisher–Yates. Level ℓ is the unit coordinate ℓ / (p − 1), so every point lies on the
/// p-level grid and every level is visited equally often in expectation — the reason p is even.
/// Because each trajectory depends on its index only, a design with more trajectories starts with
/// the same ones.
/// </para>
/// <para>
/// Points are numbered trajectory by trajectory: point t(k + 1) + j is step j of trajectory t
/// (step 0 is its start, step j its start with the first j parameters of its order moved). The
/// design keeps three integers per trajectory and parameter, never a list of points.
/// </para>
/// </remarks>
public sealed class MorrisDesign : SensitivityDesign
{
    private readonly int _k;
    private readonly int[] _startLevel; // [t·k + i]: the level parameter i starts at in trajectory t
    private readonly int[] _moveStep;   // [t·k + i]: the step (1 … k) at which it moves
    private readonly int[] _moved;      // [t·k + j − 1]: the parameter that moves at step j

    private MorrisDesign(IReadOnlyList<ParameterRange> parameters, int trajectories, int levels, ulong seed)
        : base(parameters, seed)
    {
        _k = parameters.Count;
        Trajectories = trajectories;
        Levels = levels;
        _startLevel = new int[trajectories * _k];
        _moveStep = new int[trajectories * _k];
        _moved = new int[trajectories * _k];
        for (int t = 0; t < trajectories; t++)
        {
            DrawTrajectory(t);
        }
    }

    /// <summary>The number of trajectories r.</summary>
    public int Trajectories { get; }

    /// <summary>The number of grid levels p per parameter (even).</summary>
    public int Levels { get; }

    /// <summary>The step Δ = p / (2(p − 1)) in unit coordinates; p/2 grid levels.</summary>
    public double Delta => Levels / (2.0 * (Levels - 1));

    /// <inheritdoc/>
    public override int PointCount => Trajectories * (_k + 1);

    /// <summary>
    /// A design of <paramref name="trajectories"/> trajectories on <paramref name="levels"/> levels
    /// for <paramref name="parameters"/>, drawn from <paramref name="seed"/>: the same arguments
    /// always give the same points.
    /// </summary>
    /// <param name="parameters">The parameters, at least one, names unique.</param>
    /// <param name="trajectories">r, at least 2 (σ needs two effects); 10 to 50 is usual.</param>
    /// <param name="levels">p, even and at least 2; 4 is usual.</param>
    /// <param name="seed">Any 64-bit value.</param>
    public static MorrisDesign Create(IReadOnlyList<ParameterRange> parameters, int trajectories, int levels, ulong seed)
    {
        ThrowIfAny(ParameterProblems(parameters), nameof(parameters));
        ThrowIfAny(Problems(parameters.Count, trajectories, levels), levels < 2 || levels % 2 != 0 ? nameof(levels) : nameof(trajectories));
        return new MorrisDesign(parameters, trajectories, levels, seed);
    }

    /// <summary>
    /// Everything wrong with r and p for <paramref name="parameterCount"/> parameters, one sentence
    /// each; empty when a design can be made.
    /// </summary>
    public static IReadOnlyList<string> Problems(int parameterCount, int trajectories, int levels)
    {
        var problems = new List<string>();
        if (trajectories < 2)
        {
            problems.Add($"trajectories is {trajectories}; must be at least 2, for σ needs two elementary effects of each parameter");
        }

        if (levels < 2 || levels % 2 != 0)
        {
            problems.Add($"levels is {levels}; must be an even number, at least 2 (4 is usual), so that every level is visited equally often");
        }

        if (trajectories >= 2 && parameterCount >= 1 && (long)trajectories * (parameterCount + 1) > int.MaxValue)
        {
            problems.Add($"{trajectories} trajectories of {parameterCount} parameters are {(long)trajectories * (parameterCount + 1)} runs; at most {int.MaxValue} are possible");
        }

        return problems;
    }

    /// <summary>The trajectory point <paramref name="point"/> belongs to.</summary>
    public int TrajectoryOf(int point)
    {
        CheckPoint(point, 0);
        return point / (_k + 1);
    }

    /// <summary>The step of its trajectory point <paramref name="point"/> is: 0 for the start, j after j moves.</summary>
    public int StepOf(int point)
    {
        CheckPoint(point, 0);
        return point % (_k + 1);
    }

    /// <summary>The index of step <paramref name="step"/> (0 … k) of trajectory <paramref name="trajectory"/>.</summary>
    public int PointIndex(int trajectory, int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trajectory);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trajectory, Trajectories);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step, _k);
        return (trajectory * (_k + 1)) + step;
    }

    /// <summary>The parameter that moves at step <paramref name="step"/> (1 … k) of trajectory <paramref name="trajectory"/>.</summary>
    public int MovedParameter(int trajectory, int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        _ = PointIndex(trajectory, step);
        return _moved[(trajectory * _k) + step - 1];
    }

    /// <summary>+1 if parameter <paramref name="parameter"/> moves up by Δ in trajectory <paramref name="trajectory"/>, −1 if down.</summary>
    public int Direction(int trajectory, int parameter)
    {
        CheckPoint(PointIndex(trajectory, 0), parameter);
        return _startLevel[(trajectory * _k) + parameter] < Levels / 2 ? 1 : -1;
    }

    /// <inheritdoc/>
    public override double UnitCoordinate(int point, int parameter)
    {
        CheckPoint(point, parameter);
        int t = point / (_k + 1), step = point % (_k + 1), at = (t * _k) + parameter;
        int start = _startLevel[at], half = Levels / 2;

        // Once moved, a parameter that started in the lower half of the levels sits p/2 levels
        // up, one that started in the upper half p/2 levels down.
        int level = step < _moveStep[at] ? start : start < half ? start + half : start - half;

        // A level is a fraction of p − 1, so grid points are exact: 0, 1/3, 2/3 and 1 for p = 4.
        return level / (double)(Levels - 1);
    }

    private void DrawTrajectory(int t)
    {
        // Counters 0 … k − 1 draw the base levels, k … 2k − 1 the directions and 2k + 1 … 3k − 1
        // the shuffle: disjoint, so no two decisions share a random number.
        ulong key = SeedDerivation.Derive(Seed, "morris-trajectory", t);
        int half = Levels / 2, k = _k;
        Span<int> order = k <= 256 ? stackalloc int[k] : new int[k];
        for (int i = 0; i < k; i++)
        {
            bool up = (CounterRng.Bits(key, (ulong)(k + i)) >> 63) == 0;
            int baseLevel = CounterRng.Below(key, (ulong)i, half);
            _startLevel[(t * k) + i] = up ? baseLevel : baseLevel + half;
            order[i] = i;
        }

        for (int j = k - 1; j > 0; j--)
        {
            int swap = CounterRng.Below(key, (ulong)((2 * k) + j), j + 1);
            (order[j], order[swap]) = (order[swap], order[j]);
        }

        for (int j = 0; j < k; j++)
        {
            _moved[(t * k) + j] = order[j];
            _moveStep[(t * k) + order[j]] = j + 1;
        }
    }
}
