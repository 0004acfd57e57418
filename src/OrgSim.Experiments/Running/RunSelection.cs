using System.Globalization;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Running;

/// <summary>
/// <c>--only point=3,arm=bottom-up,replicate=7</c>: the runs to do alone. Each part is optional;
/// a missing one selects every value.
/// </summary>
/// <param name="Point">The sweep point, or null for all.</param>
/// <param name="Arm">The arm's name, or null for all.</param>
/// <param name="Replicate">The replicate, or null for all.</param>
public sealed record RunSelection(int? Point, string? Arm, int? Replicate)
{
    /// <summary>Whether <paramref name="run"/> is selected.</summary>
    public bool Selects(RunCoordinates run, LoadedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return (Point is null || Point == run.Point)
            && (Arm is null || scenario.Spec.Arms[run.Arm].Name == Arm)
            && (Replicate is null || Replicate == run.Replicate);
    }

    /// <summary>Parses <c>point=3,arm=bottom-up,replicate=7</c> against <paramref name="scenario"/>; null and a one-line reason if it does not fit.</summary>
    public static (RunSelection? Selection, string? Error) Parse(string text, LoadedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scenario);
        int? point = null, replicate = null;
        string? arm = null;
        const string Form = "use point=N, arm=NAME and replicate=N, separated by commas, e.g. --only point=3,arm=bottom-up,replicate=7";
        string[] parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return (null, $"--only is empty; {Form}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string part in parts)
        {
            string[] kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            string key = kv[0], value = kv.Length == 2 ? kv[1] : string.Empty;
            if (!seen.Add(key))
            {
                return (null, $"--only names {key} twice; give each of point, arm and replicate at most once (to run several, run --only once for each)");
            }

            switch (key)
            {
                case "point" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p < scenario.PointsOrBase.Count:
                    point = p;
                    break;
                case "point":
                    return (null, $"--only point={value}: the scenario has points 0 to {scenario.PointsOrBase.Count - 1}");
                case "replicate" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int r) && r < scenario.Spec.Replicates:
                    replicate = r;
                    break;
                case "replicate":
                    return (null, $"--only replicate={value}: the scenario has replicates 0 to {scenario.Spec.Replicates - 1}");
                case "arm" when scenario.Spec.Arms.Any(a => a.Name == value):
                    arm = value;
                    break;
                case "arm":
                    return (null, $"--only arm={value}: the arms are {string.Join(", ", scenario.Spec.Arms.Select(a => a.Name))}");
                default:
                    return (null, $"--only '{part}': {Form}");
            }
        }

        return (new RunSelection(point, arm, replicate), null);
    }
}
