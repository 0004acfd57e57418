using OrgSim.Core.Agents;
using OrgSim.Core.Graph;

namespace OrgSim.Experiments.Report;

/// <summary>
/// Records, during one run, each team's share of competent pairs every week, for <see cref="OrgChart"/>;
/// for an organisation of more than <see cref="MaxRecordedTeams"/> teams, each group's of
/// <see cref="TeamGroups"/> instead, so what a run keeps and writes is bounded by that size, not by
/// the organisation's.
/// </summary>
public sealed class OrgChartRecorder
{
    /// <summary>
    /// The most teams recorded one by one. Beyond, the report could draw only groups anyway, and a
    /// team per byte per week would grow with the organisation: 10^7 agents in teams of 8 are 1.25
    /// million teams, 131 MB a week-series of bytes in memory and about 470 MB of JSON per arm.
    /// At this bound a chart holds at most about 4,000 × 3.5 bytes per week of JSON per arm
    /// (1.5–2 MB over two years), and every chart of a few thousand teams is recorded as before.
    /// </summary>
    public const int MaxRecordedTeams = 4_000;

    private readonly OrgGraph _graph;
    private readonly int[] _unitOfTeam;
    private readonly int[] _size;
    private readonly int[] _competentPairs;
    private readonly int[] _perCompetency;
    private readonly List<IReadOnlyList<byte>> _weeks = [];

    /// <summary>Prepares the team tree of <paramref name="graph"/> (external agents left out), or its groups.</summary>
    public OrgChartRecorder(OrgGraph graph)
        : this(graph, MaxRecordedTeams)
    {
    }

    /// <summary>As the public constructor, with another bound on the teams recorded one by one, so tests can group a small organisation.</summary>
    internal OrgChartRecorder(OrgGraph graph, int maxRecordedTeams)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;

        // Teams in the order their first employee appears; external coaches belong to none.
        var teamIndex = new int[graph.TeamCount];
        Array.Fill(teamIndex, -1);
        var firstMember = new List<int>();
        var size = new List<int>();
        for (int v = 0; v < graph.NodeCount; v++)
        {
            if (graph.Role(v) == Role.External)
            {
                continue;
            }

            int team = graph.Team(v);
            if (teamIndex[team] < 0)
            {
                teamIndex[team] = firstMember.Count;
                firstMember.Add(v);
                size.Add(0);
            }

            size[teamIndex[team]]++;
        }

        // A team hangs under the team of its members' manager; one that is not a team of employees (none) makes it a root.
        int Parent(int i)
        {
            int manager = graph.Manager(firstMember[i]);
            int parent = manager < 0 ? -1 : teamIndex[graph.Team(manager)];
            return parent == i ? -1 : parent;
        }

        string Label(int i)
        {
            int team = graph.Team(firstMember[i]), manager = graph.Manager(firstMember[i]);
            return graph.TeamName(team) ?? (manager >= 0 && graph.HasNames ? graph.Name(manager) : $"team {team}");
        }

        int teams = firstMember.Count;
        if (teams <= maxRecordedTeams)
        {
            _unitOfTeam = teamIndex;
            Teams = Enumerable.Range(0, teams).Select(i => new OrgChartTeam(graph.Team(firstMember[i]), Parent(i), graph.Level(firstMember[i]), size[i], Label(i))).ToList();
        }
        else
        {
            TeamGroups groups = TeamGroups.Of(Enumerable.Range(0, teams).Select(Parent).ToList(), size, Label);
            _unitOfTeam = teamIndex.Select(i => i < 0 ? -1 : groups.GroupOf[i]).ToArray();
            Teams = groups.Groups;
            Grouping = new OrgChartGrouping(teams, groups.PooledUnits);
        }

        _size = Teams.Select(t => t.Size).ToArray();
        _competentPairs = new int[Teams.Count];
        _perCompetency = new int[Teams.Count * Competencies.Count];
    }

    /// <summary>The teams of the chart, or its groups when <see cref="Grouping"/> is set.</summary>
    public IReadOnlyList<OrgChartTeam> Teams { get; }

    /// <summary>How <see cref="Teams"/> stand for groups of the organisation's teams; null when they are its teams.</summary>
    public OrgChartGrouping? Grouping { get; }

    /// <summary>The recorded weeks.</summary>
    public IReadOnlyList<IReadOnlyList<byte>> Weeks => _weeks;

    /// <summary>Per team, per competency, the share of members at stage ≥ 2 at the last recorded week.</summary>
    public IReadOnlyList<IReadOnlyList<double>> FinalCompetencyShares => _weeks.Count == 0 ? [] :
        Enumerable.Range(0, Teams.Count)
            .Select(i => (IReadOnlyList<double>)Enumerable.Range(0, Competencies.Count).Select(c => _perCompetency[(i * Competencies.Count) + c] / (double)Math.Max(1, _size[i])).ToArray())
            .ToArray();

    /// <summary>Records week <paramref name="tick"/> (ticks in order).</summary>
    public void Record(int tick, AgentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Array.Clear(_competentPairs);
        Array.Clear(_perCompetency);
        for (int v = 0; v < _graph.NodeCount; v++)
        {
            if (_graph.Role(v) == Role.External)
            {
                continue;
            }

            // A counted loop, not foreach over Competencies.All: an enumerator per agent and week
            // would be 10^9 allocations in a 10^7-agent, 104-week run.
            int i = _unitOfTeam[_graph.Team(v)];
            for (int c = 0; c < Competencies.Count; c++)
            {
                if (state.GetStage(v, (Competency)c) >= Stage.ConsciousCompetence)
                {
                    _competentPairs[i]++;
                    _perCompetency[(i * Competencies.Count) + c]++;
                }
            }
        }

        _weeks.Add(Enumerable.Range(0, Teams.Count).Select(i => (byte)Math.Round(100.0 * _competentPairs[i] / (Competencies.Count * Math.Max(1, _size[i])))).ToList());
    }
}
