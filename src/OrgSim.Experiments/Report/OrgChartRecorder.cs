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
    private double[][] _final = [];

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
    public IReadOnlyList<IReadOnlyList<double>> FinalCompetencyShares => _final;

    /// <summary>Records week <paramref name="tick"/> (ticks in order).</summary>
    public void Record(int tick, AgentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var competentPairs = new int[Teams.Count];
        var perCompetency = new int[Teams.Count, Competencies.Count];
        for (int v = 0; v < _graph.NodeCount; v++)
        {
            int i = _teamIndex[v];
            if (i < 0)
            {
                continue;
            }

            foreach (Competency c in Competencies.All)
            {
                if (state.GetStage(v, c) >= Stage.ConsciousCompetence)
                {
                    competentPairs[i]++;
                    perCompetency[i, (int)c]++;
                }
            }
        }

        _weeks.Add(Enumerable.Range(0, Teams.Count).Select(i => (byte)Math.Round(100.0 * competentPairs[i] / (Competencies.Count * Math.Max(1, _size[i])))).ToList());
        _final = Enumerable.Range(0, Teams.Count)
            .Select(i => Enumerable.Range(0, Competencies.Count).Select(c => perCompetency[i, c] / (double)Math.Max(1, _size[i])).ToArray())
            .ToArray();
    }
}
