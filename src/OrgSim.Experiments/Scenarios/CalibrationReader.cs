using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Sensitivity;
using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// Reads a scenario's <c>calibration:</c> section (docs/calibration.md): its parameters take the
/// sensitivity section's syntax and checks, its other keys the ABC-SMC settings.
/// </summary>
internal static class CalibrationReader
{
    public const string Name = "calibration";

    private static readonly IReadOnlyDictionary<string, string> Methods = new Dictionary<string, string>(StringComparer.Ordinal) { ["abc-smc"] = "abc-smc" };

    private static readonly IReadOnlyDictionary<string, CalibrationCompare> Compares = new Dictionary<string, CalibrationCompare>(StringComparer.Ordinal)
    {
        ["competent"] = CalibrationCompare.Competent,
        ["stages"] = CalibrationCompare.Stages,
    };

    internal sealed record Section(CalibrationSpec Spec, IReadOnlyList<SensitivityReader.Written> Parameters, YamlNode At, YamlNode? ArmNode);

    /// <summary>The section as written, or null after reporting its problems into <paramref name="context"/>.</summary>
    public static Section? Read(ParseContext context, YamlNode node)
    {
        int errorsBefore = context.Errors.Count;
        if (YamlMappingReader.For(context, node, Name) is not { } reader)
        {
            return null;
        }

        string? arm = reader.Has("arm") && reader.String("arm", string.Empty) is { Length: > 0 } named ? named : null;
        reader.Choice("method", "abc-smc", Methods);
        var defaults = new AbcSmcSettings();
        var settings = new AbcSmcSettings
        {
            PopulationSize = reader.Int("particles", CalibrationSpec.DefaultParticles, 2, 1_000_000),
            MaxGenerations = reader.Int("max_generations", defaults.MaxGenerations, 1, 1_000),
            MinAcceptanceRate = reader.Double("min_acceptance", defaults.MinAcceptanceRate, 0.0001, 1),
            Alpha = reader.Double("alpha", defaults.Alpha, 0.01, 0.99),
        };
        ulong? seed = reader.Has("seed") ? reader.ULong("seed", 0) : null;
        CalibrationCompare? compare = reader.Has("compare") ? reader.Choice("compare", CalibrationCompare.Stages, Compares) : null;
        List<SensitivityReader.Written> parameters = SensitivityReader.Parameters(context, reader, node, Name);
        reader.RejectUnknownKeys();
        if (context.Errors.Count > errorsBefore)
        {
            return null;
        }

        var spec = new CalibrationSpec(
            arm,
            parameters.Select(p => new SensitivityParameter(p.Path, p.Low, p.High, p.Scale, Whole: false)).ToList(),
            settings,
            seed,
            compare);
        return new Section(spec, parameters, node, reader.Node("arm"));
    }

    /// <summary>
    /// The section checked against the scenario it belongs to: the arm is one of its arms (and named
    /// when it has several), each range fits what its key takes; whole-number keys are marked.
    /// </summary>
    public static CalibrationSpec Complete(ParseContext context, Section section, ScenarioSpec scenario, Func<string, bool> takesWholeNumbers)
    {
        CalibrationSpec spec = section.Spec with
        {
            Parameters = section.Spec.Parameters.Select(p => p with { Whole = takesWholeNumbers(p.Path) }).ToList(),
        };
        var arms = scenario.Arms.Select(a => a.Name).ToList();
        if (spec.Arm is null && arms.Count > 1)
        {
            context.Error(section.At.Start, $"calibration.arm is missing and the scenario has {arms.Count} arms ({string.Join(", ", arms)}); name the one the organisation actually ran, e.g. arm: {arms[0]}");
        }
        else if (spec.Arm is { } arm && !arms.Contains(arm, StringComparer.Ordinal))
        {
            string? near = NameSuggester.Suggest(arm, arms);
            context.Error(section.ArmNode?.Start ?? section.At.Start, $"calibration.arm is '{arm}', not an arm of the scenario; name one of {string.Join(", ", arms)}{(near is null ? string.Empty : $" (did you mean '{near}'?)")}");
        }

        foreach (SensitivityReader.Written name in section.Parameters.Where(p => p.Path.StartsWith("arms.", StringComparison.Ordinal) && p.Path.EndsWith(".name", StringComparison.Ordinal)))
        {
            context.Error(name.At.Start, $"calibration.parameters key '{name.Path}' is an arm's name, not a number to fit; fit a model, organisation or arm key that takes a number");
        }

        foreach (SensitivityReader.Written horizon in section.Parameters.Where(p => p.Path == "horizon_weeks"))
        {
            context.Error(horizon.At.Start, "calibration.parameters key 'horizon_weeks' cannot be fitted: the survey's weeks are checked against the horizon before any run; set horizon_weeks in the scenario, and fit a model or arm key");
        }

        SensitivityReader.CheckParameters(context, Name, spec.Parameters, section.Parameters);
        return spec with { Arm = spec.Arm ?? arms[0] };
    }
}
