using System.Text.Json;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Output;

/// <summary>
/// What a folder of run records belongs to: the scenario file's hash and the overrides, and
/// everything needed to assemble the output files from the records without the scenario file —
/// so <c>orgsim merge</c> works on a machine that has only the shard folders.
/// </summary>
/// <param name="ScenarioFile">The scenario file as given.</param>
/// <param name="ScenarioSha256">Its SHA-256.</param>
/// <param name="Overrides">The <c>--set</c> overrides (and <c>--seed</c>, <c>--replicates</c>), as <c>path=value</c>; for the record only: their effect is in <paramref name="SettingsSha256"/>.</param>
/// <param name="SettingsSha256">The SHA-256 of every parameter of every point and arm after defaults and overrides (<c>run.json</c> without its provenance).</param>
/// <param name="ParameterPaths">The swept key paths.</param>
/// <param name="Points">For each point, its value of each swept path.</param>
/// <param name="Arms">The arms' names, in order.</param>
/// <param name="Replicates">Replicates per arm and point.</param>
/// <param name="DataSha256">The SHA-256 of every data file the scenario imports (an HR export, an edge list), so an edited export is not mixed with runs of the old one.</param>
/// <param name="ToolVersion">The version of orgsim that ran them: records of another version are not mixed in.</param>
/// <param name="Sensitivity">The sensitivity analysis whose design the points are, or null: what a merged folder analyses its runs with.</param>
public sealed record RunIdentity(
    string ScenarioFile,
    string ScenarioSha256,
    IReadOnlyList<string> Overrides,
    string SettingsSha256,
    IReadOnlyList<string> ParameterPaths,
    IReadOnlyList<IReadOnlyList<string>> Points,
    IReadOnlyList<string> Arms,
    int Replicates,
    IReadOnlyList<string> DataSha256,
    string ToolVersion,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Sensitivity.SensitivitySpec? Sensitivity = null)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The identity of <paramref name="plan"/>'s scenario.</summary>
    public static RunIdentity Of(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var s = plan.Scenario;
        return new RunIdentity(
            s.File.Replace('\\', '/'),
            s.Sha256,
            s.Sets.Select(o => $"{o.Path}={o.Text}").ToList(),
            HashSettings(s),
            s.ParameterPaths,
            s.PointsOrBase.Select(p => (IReadOnlyList<string>)s.ParameterPaths.Select(p.ValueOf).ToList()).ToList(),
            s.Spec.Arms.Select(a => a.Name).ToList(),
            s.Spec.Replicates,
            s.PointsOrBase.Select(p => p.Spec.Organisation.ImportSha256).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            RunManifest.ToolVersion,
            s.Sensitivity);
    }

    /// <summary>The hash of what <paramref name="scenario"/> runs, whatever file path and overrides spelt it.</summary>
    private static string HashSettings(LoadedScenario scenario)
    {
        var writer = new StringWriter();
        RunManifest.Write(writer, scenario with { Sets = [], File = string.Empty });

        // The version is an identity field of its own; leaving it out here keeps this hash the same across builds.
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(writer.ToString().Replace(RunManifest.ToolVersion, string.Empty, StringComparison.Ordinal))));
    }

    /// <summary>Every run the scenario has, in canonical order.</summary>
    public IEnumerable<RunCoordinates> AllRuns()
    {
        for (int p = 0; p < Points.Count; p++)
        {
            for (int a = 0; a < Arms.Count; a++)
            {
                for (int r = 0; r < Replicates; r++)
                {
                    yield return new RunCoordinates(p, a, r);
                }
            }
        }
    }

    /// <summary>
    /// Whether two identities describe the same runs: the same file, the same settings after every
    /// override, the same shape. The scenario file's path may differ between machines, and two
    /// command lines that spell the same settings differently (<c>--replicates 20</c> where the file
    /// says 20) describe the same runs.
    /// </summary>
    public bool SameRunsAs(RunIdentity other) => other is not null && ToJson(Comparable(this)) == ToJson(Comparable(other));

    private static RunIdentity Comparable(RunIdentity identity) => identity with { ScenarioFile = string.Empty, Overrides = [] };

    /// <summary>The identity as indented JSON.</summary>
    public static string ToJson(RunIdentity identity) => JsonSerializer.Serialize(identity, Json) + "\n";

    /// <summary>Reads an identity written by <see cref="ToJson"/>.</summary>
    public static RunIdentity? FromJson(string json) => JsonSerializer.Deserialize<RunIdentity>(json, Json);

    /// <summary>Reads the identity file at <paramref name="path"/>, and checks that it is one orgsim writes.</summary>
    /// <exception cref="DamagedFileException">It is not JSON, a value is missing or of the wrong kind, or the runs it describes cannot be.</exception>
    internal static RunIdentity Read(string path)
    {
        RunIdentity identity = JsonFile.Deserialize<RunIdentity>(path, OwnFile.ReadText(path, OwnFile.MaxSmallFileBytes), Json, "holds no identity");
        return identity.Problem() is { } problem ? throw new DamagedFileException(path, problem) : identity;
    }

    /// <summary>
    /// What makes this identity one orgsim never writes, or null: a key that is missing (the JSON
    /// reader leaves it null), a point without a value for every swept key, no arm, or a number of
    /// replicates out of range — which would otherwise make a resume or a merge look for runs that
    /// cannot exist.
    /// </summary>
    private string? Problem()
    {
        static bool Missing<T>(IReadOnlyList<T?>? list) => list is null || list.Any(x => x is null);
        var missing = new (string Key, bool IsMissing)[]
        {
            ("scenario_file", ScenarioFile is null), ("scenario_sha256", ScenarioSha256 is null), ("overrides", Missing(Overrides)),
            ("settings_sha256", SettingsSha256 is null), ("parameter_paths", Missing(ParameterPaths)), ("points", Missing(Points) || Points.Count == 0),
            ("arms", Missing(Arms) || Arms.Count == 0), ("data_sha256", Missing(DataSha256)), ("tool_version", ToolVersion is null),
        };
        if (missing.FirstOrDefault(m => m.IsMissing) is { Key: { } key })
        {
            return $"{key} is missing";
        }

        for (int i = 0; i < Points.Count; i++)
        {
            if (Missing(Points[i]) || Points[i].Count != ParameterPaths.Count)
            {
                return $"points[{i}] has {Points[i]?.Count ?? 0} values where parameter_paths has {ParameterPaths.Count}";
            }
        }

        return Replicates is < 1 or > ScenarioSpec.MaxReplicates ? $"replicates is {Replicates}; must be in [1, {ScenarioSpec.MaxReplicates}]" : null;
    }
}
