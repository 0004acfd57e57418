using System.Text.Json.Serialization;

namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// A scenario's <c>sensitivity</c> section after parsing: which method, over which parameters, for
/// which outputs, with how many trajectories or base samples. It turns into the design whose
/// points the scenario runs (<see cref="CreateDesign"/>), and is kept with the runs' identity so
/// that a merged folder can analyse them without the scenario file.
/// </summary>
/// <param name="Method">Morris or Sobol'.</param>
/// <param name="Parameters">The varied keys with their ranges, in the order of the design's coordinates.</param>
/// <param name="Outputs">The outputs to explain, as written (parsed by <see cref="SensitivityOutput.Parse"/>).</param>
/// <param name="Trajectories">Morris's r; 0 for Sobol'.</param>
/// <param name="Levels">Morris's p; 0 for Sobol'.</param>
/// <param name="Samples">Sobol's N, a power of two; 0 for Morris.</param>
/// <param name="Seed">The seed the design is drawn with.</param>
/// <param name="Resamples">Bootstrap resamples behind Sobol's intervals; 0 for Morris.</param>
public sealed record SensitivitySpec(
    SensitivityMethod Method,
    IReadOnlyList<SensitivityParameter> Parameters,
    IReadOnlyList<string> Outputs,
    int Trajectories,
    int Levels,
    int Samples,
    ulong Seed,
    int Resamples)
{
    /// <summary>Morris's default number of trajectories: enough to rank a dozen parameters (Campolongo et al. 2007 use 10–20).</summary>
    public const int DefaultTrajectories = 10;

    /// <summary>Morris's default number of levels (Saltelli et al. 2004 recommend p = 4 with Δ = p / (2(p − 1))).</summary>
    public const int DefaultLevels = 4;

    /// <summary>Sobol's default N: 512 base rows, so N(k + 2) runs; enough for the indices of a few parameters to within about ±0.05.</summary>
    public const int DefaultSamples = 512;

    /// <summary>The design the section describes; the same points on any machine.</summary>
    public SensitivityDesign CreateDesign()
    {
        IReadOnlyList<ParameterRange> ranges = Parameters.Select(p => p.Range()).ToList();
        return Method == SensitivityMethod.Morris
            ? MorrisDesign.Create(ranges, Trajectories, Levels, Seed)
            : SaltelliDesign.Create(ranges, Samples, Seed);
    }

    /// <summary>The outputs, parsed against <paramref name="arms"/> (already checked when the scenario was read).</summary>
    public IReadOnlyList<SensitivityOutput> ParsedOutputs(IReadOnlyList<string> arms) =>
        Outputs.Select(o => SensitivityOutput.Parse(o, arms).Output ?? throw new InvalidOperationException($"output '{o}' does not parse against the arms {string.Join(", ", arms)}")).ToList();

    /// <summary>The runs the design costs per arm and replicate: r(k + 1) for Morris, N(k + 2) for Sobol'.</summary>
    [JsonIgnore]
    public long Points => Method == SensitivityMethod.Morris
        ? (long)Trajectories * (Parameters.Count + 1)
        : (long)Samples * (Parameters.Count + 2);

    /// <summary>The method's name as the scenario writes it.</summary>
    [JsonIgnore]
    public string MethodName => Method == SensitivityMethod.Morris ? "morris" : "sobol";
}
