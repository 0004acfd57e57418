using System.Globalization;
using System.Text.RegularExpressions;

namespace OrgSim.Experiments.Scenarios;

/// <summary>A parsed, valid scenario with what provenance needs about the file it came from.</summary>
/// <param name="Spec">The scenario.</param>
/// <param name="File">The scenario file's path as the user gave it.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Locations">Where each key path was written (1-based line and column), for errors found later.</param>
public sealed partial record LoadedScenario(
    ScenarioSpec Spec,
    string File,
    string Sha256,
    IReadOnlyDictionary<string, (int Line, int Column)> Locations)
{
    /// <summary>
    /// The file the scenario was read from, which the <see cref="Locations"/> are in: <see cref="File"/>,
    /// or the <c>run.json</c> it was read back from (whose <see cref="File"/> is the scenario the run came from).
    /// </summary>
    public string ReadFrom { get; init; } = File;

    /// <summary>Problems found while loading that do not stop a run (an HR import's warnings), one line each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The sweep's points in order; one point (index 0, no parameters, <see cref="Spec"/>) without a sweep.</summary>
    public IReadOnlyList<SweepPoint> Points { get; init; } = [];

    /// <summary>The key paths the sweep varies, in the order they first appear: the parameter columns of the outputs.</summary>
    public IReadOnlyList<string> ParameterPaths { get; init; } = [];

    /// <summary>
    /// The scenario's <c>sensitivity</c> section, whose design made <see cref="Points"/>; null for a
    /// scenario without one.
    /// </summary>
    public OrgSim.Experiments.Sensitivity.SensitivitySpec? Sensitivity { get; init; }

    /// <summary>The scenario's <c>calibration</c> section, checked against its arms; null without one. <c>orgsim run</c> ignores it.</summary>
    public OrgSim.Experiments.Calibration.CalibrationSpec? Calibration { get; init; }

    /// <summary>The scenario's opening comment (the question it asks and how to read the answer), without the '#' marks.</summary>
    public string Question { get; init; } = string.Empty;

    /// <summary>The command-line <c>--set</c> overrides applied.</summary>
    public IReadOnlyList<ScenarioOverride> Sets { get; init; } = [];

    /// <summary>Every point, at least the base when <see cref="Points"/> was not filled.</summary>
    public IReadOnlyList<SweepPoint> PointsOrBase => Points.Count > 0 ? Points : [new SweepPoint(0, [], Spec)];

    /// <summary>
    /// An error about the key at <paramref name="path"/> (<c>arms[0].seeding.budget</c>): naming the
    /// <c>--set</c> that gave its value, which has no line in the file; else located at its line, or
    /// at its nearest written parent's.
    /// </summary>
    public ScenarioError ErrorAt(string path, string message)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Sets.LastOrDefault(set => Covers(set.Path, path)) is { } cause)
        {
            return new ScenarioError(ReadFrom, 0, 0, $"--set {cause.Path}={cause.Text}: {message}");
        }

        for (string p = path; p.Length > 0;)
        {
            if (Locations.TryGetValue(p, out var at))
            {
                return new ScenarioError(ReadFrom, at.Line, at.Column, message);
            }

            int cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            p = cut <= 0 ? string.Empty : p[..cut];
        }

        return new ScenarioError(ReadFrom, 0, 0, message);
    }

    /// <summary>
    /// Whether a value given at <paramref name="setPath"/> (an arm by name: <c>arms.a.seeding</c>)
    /// holds the key at <paramref name="path"/> (an arm by index: <c>arms[0].seeding.budget</c>).
    /// </summary>
    internal bool Covers(string setPath, string path)
    {
        string named = ArmIndex().Replace(path, m => int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) is int i && i < Spec.Arms.Count ? $"arms.{Spec.Arms[i].Name}" : m.Value);
        return named == setPath || named.StartsWith(setPath + ".", StringComparison.Ordinal) || named.StartsWith(setPath + "[", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^arms\[(\d+)\]")]
    private static partial Regex ArmIndex();
}
