using System.Text.Json;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <summary>
/// What a folder of run records belongs to: the scenario file's hash and the overrides, and
/// everything needed to assemble the output files from the records without the scenario file —
/// so <c>orgsim merge</c> works on a machine that has only the shard folders.
/// </summary>
/// <param name="ScenarioFile">The scenario file as given.</param>
/// <param name="ScenarioSha256">Its SHA-256.</param>
/// <param name="Overrides">The <c>--set</c> overrides (and <c>--seed</c>, <c>--replicates</c>), as <c>path=value</c>.</param>
/// <param name="ParameterPaths">The swept key paths.</param>
/// <param name="Points">For each point, its value of each swept path.</param>
/// <param name="Arms">The arms' names, in order.</param>
/// <param name="Replicates">Replicates per arm and point.</param>
/// <param name="DataSha256">The SHA-256 of every data file the scenario imports (an HR export, an edge list), so an edited export is not mixed with runs of the old one.</param>
/// <param name="ToolVersion">The version of orgsim that ran them: records of another version are not mixed in.</param>
public sealed record RunIdentity(
    string ScenarioFile,
    string ScenarioSha256,
    IReadOnlyList<string> Overrides,
    IReadOnlyList<string> ParameterPaths,
    IReadOnlyList<IReadOnlyList<string>> Points,
    IReadOnlyList<string> Arms,
    int Replicates,
    IReadOnlyList<string> DataSha256,
    string ToolVersion)
{
    /// <summary>The file, inside <see cref="RunRecord.Folder"/>, that holds the identity.</summary>
    public const string FileName = "identity.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The identity of <paramref name="plan"/>'s scenario.</summary>
    public static RunIdentity Of(RunPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var s = plan.Scenario;
        return new RunIdentity(
            s.File.Replace('\\', '/'),
            s.Sha256,
            s.Sets.Select(o => $"{o.Path}={o.Text}").ToList(),
            s.ParameterPaths,
            s.PointsOrBase.Select(p => (IReadOnlyList<string>)s.ParameterPaths.Select(p.ValueOf).ToList()).ToList(),
            s.Spec.Arms.Select(a => a.Name).ToList(),
            s.Spec.Replicates,
            s.PointsOrBase.Select(p => p.Spec.Organisation.ImportSha256).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            RunManifest.ToolVersion);
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

    /// <summary>Whether two identities describe the same runs (the scenario file's path may differ between machines).</summary>
    public bool SameRunsAs(RunIdentity other) => other is not null && ToJson(this with { ScenarioFile = string.Empty }) == ToJson(other with { ScenarioFile = string.Empty });

    /// <summary>The identity as indented JSON.</summary>
    public static string ToJson(RunIdentity identity) => JsonSerializer.Serialize(identity, Json) + "\n";

    /// <summary>Reads the identity in <paramref name="runsFolder"/>, or null if there is none.</summary>
    public static RunIdentity? Read(string runsFolder)
    {
        string path = Path.Combine(runsFolder, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<RunIdentity>(File.ReadAllText(path), Json) : null;
    }

    /// <summary>Writes the identity into <paramref name="runsFolder"/>.</summary>
    public void Write(string runsFolder) => File.WriteAllText(Path.Combine(runsFolder, FileName), ToJson(this));
}
