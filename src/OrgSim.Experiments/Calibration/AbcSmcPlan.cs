using OrgSim.Core.Randomness;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Calibration;

/// <summary>
/// What an ABC-SMC calibration fits — the free parameters with their priors — and the seed and
/// settings that make it reproducible. <see cref="Start"/> gives generation 0's state; each state's
/// <see cref="AbcSmcState.Accept"/> gives the next. Nothing here runs a model or touches a file.
/// </summary>
/// <remarks>
/// Each prior is uniform over a <see cref="ParameterRange"/>'s unit coordinate: uniform over
/// [low, high], or log-uniform for a log-scale range. The engine samples, perturbs and weighs in
/// that unit cube, so a log-uniform parameter moves by factors, never below its positive low end,
/// and every prior density is 1 inside the cube and 0 outside.
/// </remarks>
public sealed class AbcSmcPlan
{
    /// <summary>Declares the calibration; throws <see cref="ArgumentException"/> for invalid settings or duplicate names.</summary>
    /// <param name="parameters">The free parameters and their prior ranges; at least one, names distinct.</param>
    /// <param name="seed">The calibration's seed; every candidate derives its randomness from it.</param>
    /// <param name="settings">Population size, α and stopping rules; <see cref="AbcSmcSettings"/>'s defaults when null.</param>
    public AbcSmcPlan(IReadOnlyList<ParameterRange> parameters, ulong seed, AbcSmcSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count == 0)
        {
            throw new ArgumentException("no parameters to calibrate; name at least one", nameof(parameters));
        }

        string? duplicate = parameters.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"'{duplicate}' is listed twice; name each parameter once", nameof(parameters));
        }

        settings ??= new AbcSmcSettings();
        IReadOnlyList<string> problems = settings.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(settings));
        }

        Parameters = parameters.ToArray();
        Seed = seed;
        Settings = settings;
    }

    /// <summary>The free parameters, in the order of every candidate's values.</summary>
    public IReadOnlyList<ParameterRange> Parameters { get; }

    /// <summary>The calibration's seed.</summary>
    public ulong Seed { get; }

    /// <summary>Population size, α and stopping rules.</summary>
    public AbcSmcSettings Settings { get; }

    /// <summary>The state before any run: generation 0, whose candidates are drawn from the priors.</summary>
    public AbcSmcState Start() => AbcSmcState.Initial(this);

    /// <summary>
    /// The stream of candidate <paramref name="index"/> of <paramref name="generation"/>: a pure
    /// function of (seed, generation, index), so a shard can recompute any candidate alone.
    /// </summary>
    internal ulong CandidateKey(int generation, int index) =>
        CounterRng.Key(SeedDerivation.Derive(Seed, "abc-smc", generation), (ulong)index);

    internal AbcCandidate ToCandidate(int generation, int index, double[] unit)
    {
        var values = new double[unit.Length];
        for (int k = 0; k < unit.Length; k++)
        {
            values[k] = Parameters[k].ValueAt(unit[k]);
        }

        return new AbcCandidate(generation, index, unit, values);
    }
}
