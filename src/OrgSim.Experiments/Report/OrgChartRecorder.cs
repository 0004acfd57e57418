using OrgSim.Core.Agents;
using OrgSim.Core.Graph;

namespace OrgSim.Experiments.Report;

/// <summary>Records, during one run, each team's share of competent pairs every week, for <see cref="OrgChart"/>.</summary>
public sealed class OrgChartRecorder
{
    private readonly OrgGraph _graph;
    private readonly int[] _teamIndex;
    private readonly int[] _size;
    private readonly List<IReadOnlyList<byte>> _weeks = [];
    private readonly int[] _competentPairs;
    private readonly int[] _perCompetency;
    private bool _recorded;

    /// <summary>Prepares the team tree of <paramref name="graph"/> (external agents left out).</summary>
    public OrgChartRecorder(OrgGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        var teams = new List<OrgChartTeam>();
        var index = new Dictionary<int, int>();
        _teamIndex = new int[graph.NodeCount];
        for (int v = 0; v < graph.NodeCount; v++)
        {
            if (graph.Role(v) == Role.External)
            {
                _teamIndex[v] = -1;
                continue;
            }

            int team = graph.Team(v);
            if (!index.TryGetValue(team, out int i))
            {
                index[team] = i = teams.Count;
                int manager = graph.Manager(v);
                teams.Add(new OrgChartTeam(team, manager < 0 ? -1 : graph.Team(manager), graph.Level(v), 0, graph.TeamName(team) ?? (manager >= 0 && graph.HasNames ? graph.Name(manager) : $"team {team}")));
            }

            _teamIndex[v] = i;
        }

        _size = new int[teams.Count];
        _competentPairs = new int[teams.Count];
        _perCompetency = new int[teams.Count * Competencies.Count];
        foreach (int i in _teamIndex.Where(i => i >= 0))
        {
            _size[i]++;
        }

        // Parents as indices; a parent team that is not a team of employees (none) becomes a root.
        Teams = teams.Select((t, i) => t with { Parent = t.Parent >= 0 && index.TryGetValue(t.Parent, out int p) && p != i ? p : -1, Size = _size[i] }).ToList();
    }

    /// <summary>The teams of the chart.</summary>
    public IReadOnlyList<OrgChartTeam> Teams { get; }

    /// <summary>The recorded weeks.</summary>
    public IReadOnlyList<IReadOnlyList<byte>> Weeks => _weeks;

    /// <summary>Per team, per competency, the share of members at stage ≥ 2 at the last recorded week.</summary>
    public IReadOnlyList<IReadOnlyList<double>> FinalCompetencyShares => Enumerable.Range(0, _recorded ? Teams.Count : 0)
        .Select(i => (IReadOnlyList<double>)Enumerable.Range(0, Competencies.Count).Select(c => _perCompetency[(i * Competencies.Count) + c] / (double)Math.Max(1, _size[i])).ToArray())
        .ToArray();

    /// <summary>Records week <paramref name="tick"/> (ticks in order).</summary>
    /// <remarks>
    /// One pass over the agents' stage words into counts kept from week to week; only the week's
    /// row of shares is allocated. The final shares are computed when read, from the last week's
    /// counts: computing them every week allocated an array per team per week.
    /// </remarks>
    public void Record(int tick, AgentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Array.Clear(_competentPairs);
        Array.Clear(_perCompetency);
        ReadOnlySpan<byte> stages = state.StageBytes;
        for (int v = 0; v < _graph.NodeCount; v++)
        {
            int i = _teamIndex[v];
            if (i < 0)
            {
                continue;
            }

            // Bit 1 of a stage byte is set exactly at stages 2 and 3.
            int k = v * Competencies.Count, t = i * Competencies.Count;
            int c0 = (stages[k] >> 1) & 1, c1 = (stages[k + 1] >> 1) & 1, c2 = (stages[k + 2] >> 1) & 1, c3 = (stages[k + 3] >> 1) & 1;
            _competentPairs[i] += c0 + c1 + c2 + c3;
            _perCompetency[t] += c0;
            _perCompetency[t + 1] += c1;
            _perCompetency[t + 2] += c2;
            _perCompetency[t + 3] += c3;
        }

        var week = new byte[Teams.Count];
        for (int i = 0; i < week.Length; i++)
        {
            week[i] = (byte)Math.Round(100.0 * _competentPairs[i] / (Competencies.Count * Math.Max(1, _size[i])));
        }

        _weeks.Add(week);
        _recorded = true;
    }
}
