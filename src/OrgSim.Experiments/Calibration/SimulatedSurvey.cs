using System.Globalization;
using OrgSim.Core.Agents;
using OrgSim.Core.Graph;

namespace OrgSim.Experiments.Calibration;

/// <summary>
/// The shares one run shows at each survey wave: for each wave, the share of its group's employees
/// (external coaches excluded, as in the model's outputs) at each stage of its competency, or of
/// the four pooled. Pass <see cref="Record"/> as the run's tick callback. One instance per run.
/// </summary>
public sealed class SimulatedSurvey
{
    private readonly IReadOnlyList<SurveyWave> _waves;
    private readonly int[] _groupOf;
    private readonly int[] _waveGroup;
    private readonly HashSet<int> _weeks;
    private readonly Dictionary<int, int[]> _counts = [];
    private readonly int _groups;

    /// <summary>Groups the agents of <paramref name="graph"/> as <paramref name="waves"/> ask; check <see cref="Problems"/> first.</summary>
    public SimulatedSurvey(IReadOnlyList<SurveyWave> waves, OrgGraph graph)
    {
        ArgumentNullException.ThrowIfNull(waves);
        ArgumentNullException.ThrowIfNull(graph);
        _waves = waves;
        _weeks = [.. waves.Select(w => w.Week)];
        _groupOf = new int[graph.NodeCount];
        _waveGroup = new int[waves.Count];
        if (waves.Any(w => w.Unit is not null))
        {
            var units = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int team = 0; team < graph.TeamCount; team++)
            {
                if (graph.TeamName(team) is { } name)
                {
                    units.TryAdd(name.Trim(), units.Count);
                }
            }

            for (int v = 0; v < graph.NodeCount; v++)
            {
                _groupOf[v] = graph.Role(v) == Role.External ? -1 : graph.TeamName(graph.Team(v)) is { } name && units.TryGetValue(name.Trim(), out int g) ? g : -1;
            }

            _groups = units.Count;
            for (int i = 0; i < waves.Count; i++)
            {
                _waveGroup[i] = waves[i].Unit is { } unit && units.TryGetValue(unit.Trim(), out int g) ? g : -1;
            }
        }
        else
        {
            bool byLevel = waves.Any(w => w.Level is not null);
            for (int v = 0; v < graph.NodeCount; v++)
            {
                _groupOf[v] = graph.Role(v) == Role.External ? -1 : byLevel ? graph.Level(v) : 0;
            }

            _groups = byLevel ? Math.Max(graph.LevelCount, _groupOf.DefaultIfEmpty(0).Max() + 1) : 1;
            for (int i = 0; i < waves.Count; i++)
            {
                _waveGroup[i] = waves[i].Level ?? 0;
            }
        }
    }

    /// <summary>
    /// Why the waves cannot be compared with runs of this organisation and horizon, one line each
    /// as <c>file:row: what is wrong; what to do</c>: a week past the horizon, a level or unit the
    /// organisation does not have. Empty when they can.
    /// </summary>
    public static IReadOnlyList<string> Problems(ObservedSurvey survey, OrgGraph graph, int horizonWeeks)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(graph);
        var problems = new List<string>();
        var levels = new HashSet<int>();
        var units = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int v = 0; v < graph.NodeCount; v++)
        {
            if (graph.Role(v) != Role.External)
            {
                levels.Add(graph.Level(v));
                if (graph.TeamName(graph.Team(v)) is { } name)
                {
                    units.Add(name.Trim());
                }
            }
        }

        foreach (ObservedRow row in survey.Rows)
        {
            string at = string.Create(CultureInfo.InvariantCulture, $"{survey.File}:{row.FileRow}");
            if (row.Week > horizonWeeks)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}: week {row.Week} is past the scenario's horizon of {horizonWeeks} weeks; raise horizon_weeks to at least {row.Week}, or leave the wave out"));
            }

            if (row.Level is int level && !levels.Contains(level))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at}: level {level} is not a level of the scenario's organisation, whose levels are 0 to {levels.DefaultIfEmpty(0).Max()}; check the level column (0 is the top)"));
            }

            if (row.Unit is { } unit && !units.Contains(unit.Trim()))
            {
                string? near = Scenarios.NameSuggester.Suggest(unit, units);
                problems.Add(units.Count == 0
                    ? $"{at}: unit \"{unit}\" cannot be matched: the scenario's organisation has no team names (a generated organisation); import the HR export the units come from, or break the survey down by level"
                    : $"{at}: unit \"{unit}\" is not a team of the scenario's organisation; name a team of its HR export's team column{(near is null ? string.Empty : $" (did you mean \"{near}\"?)")}");
            }

            if (problems.Count >= ObservedSurveyReader.MaxErrors)
            {
                problems.Add($"{survey.File}: stopped after {ObservedSurveyReader.MaxErrors} problems; fix these and check again");
                break;
            }
        }

        return problems;
    }

    /// <summary>The tick callback: counts the stages of every group at the weeks a wave asks for.</summary>
    public void Record(int week, AgentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!_weeks.Contains(week))
        {
            return;
        }

        var counts = new int[(_groups + 1) * Competencies.Count * Stages.Count];
        for (int v = 0; v < _groupOf.Length; v++)
        {
            int g = _groupOf[v];
            if (g < 0)
            {
                continue;
            }

            foreach (Competency c in Competencies.All)
            {
                counts[Index(g, c, state.GetStage(v, c))]++;
            }
        }

        _counts[week] = counts;
    }

    /// <summary>The share at each stage (0 to 3) of wave <paramref name="wave"/>; NaN for a group with no one in it or a week not recorded.</summary>
    public double[] StageShares(int wave)
    {
        SurveyWave w = _waves[wave];
        var shares = new double[Stages.Count];
        if (!_counts.TryGetValue(w.Week, out int[]? counts) || _waveGroup[wave] < 0)
        {
            Array.Fill(shares, double.NaN);
            return shares;
        }

        int g = _waveGroup[wave];
        IEnumerable<Competency> over = w.Competency is { } c ? [c] : Competencies.All;
        double total = 0;
        foreach (Competency competency in over)
        {
            for (int s = 0; s < Stages.Count; s++)
            {
                shares[s] += counts[Index(g, competency, (Stage)s)];
            }
        }

        total = shares.Sum();
        for (int s = 0; s < Stages.Count; s++)
        {
            shares[s] = total > 0 ? shares[s] / total : double.NaN;
        }

        return shares;
    }

    /// <summary>Every wave's stage shares, in the waves' order.</summary>
    public IReadOnlyList<double[]> AllStageShares() => [.. Enumerable.Range(0, _waves.Count).Select(StageShares)];

    private static int Index(int group, Competency competency, Stage stage) => (((group * Competencies.Count) + (int)competency) * Stages.Count) + (int)stage;
}
