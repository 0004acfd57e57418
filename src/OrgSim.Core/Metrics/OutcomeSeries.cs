using OrgSim.Core.Agents;
using OrgSim.Core.Graph;

namespace OrgSim.Core.Metrics;

/// <summary>
/// The outcomes of a run that need the agents, not just the stage counts, recorded at every tick
/// into preallocated arrays: mean effectiveness of agents and of teams, the spread front, the
/// competent share of each hierarchy level, and the number of competent agents.
/// </summary>
/// <remarks>
/// An agent is <em>competent</em> when it is at stage 2 or 3 in at least one competency. The spread
/// front is the graph distance from the nearest seed of the agents competent at that tick;
/// agents no seed can reach are left out of it. External agents (coaches who are not employees)
/// are left out of every outcome.
/// </remarks>
public sealed class OutcomeSeries
{
    private readonly OrgGraph _graph;
    private readonly int[] _seedDistance;
    private readonly double[] _agentScore;
    private readonly EffectivenessWeights _weights;
    private readonly int[] _teamSize;
    private readonly int[] _teamStageSums;
    private readonly int[] _levelAgents;
    private readonly double[] _effectivenessAgents;
    private readonly double[] _effectivenessTeams;
    private readonly double[] _frontMean;
    private readonly int[] _frontMax;
    private readonly int[] _competentAgents;
    private readonly int[] _levelCompetentPairs;
    private readonly int[] _levelCounts;
    private readonly int _employees;

    /// <summary>Creates room for ticks 0..<paramref name="horizon"/>.</summary>
    /// <param name="graph">The organisation.</param>
    /// <param name="seeds">Every agent the intervention seeds, in any wave: the origins of the spread front.</param>
    /// <param name="weights">The effectiveness penalties; validated here.</param>
    /// <param name="horizon">The last tick.</param>
    public OutcomeSeries(OrgGraph graph, ReadOnlySpan<int> seeds, EffectivenessWeights weights, int horizon)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(weights);
        weights.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        _graph = graph;
        _weights = weights;
        _seedDistance = SeedDistances.From(graph, seeds);
        _agentScore = Effectiveness.StageTable(weights);
        _teamSize = new int[graph.TeamCount];
        _teamStageSums = new int[graph.TeamCount * Competencies.Count];
        _levelAgents = new int[graph.LevelCount];
        for (int v = 0; v < graph.NodeCount; v++)
        {
            // External coaches are outside the hierarchy: not in its levels or teams.
            if (graph.Role(v) != Role.External)
            {
                _teamSize[graph.Team(v)]++;
                _levelAgents[graph.Level(v)]++;
                _employees++;
            }
        }

        int ticks = horizon + 1;
        _effectivenessAgents = new double[ticks];
        _effectivenessTeams = new double[ticks];
        _frontMean = new double[ticks];
        _frontMax = new int[ticks];
        _competentAgents = new int[ticks];
        _levelCompetentPairs = new int[ticks * graph.LevelCount];
        _levelCounts = new int[graph.LevelCount];
    }

    /// <summary>The last tick the series has room for.</summary>
    public int Horizon => _frontMax.Length - 1;

    /// <summary>Ticks recorded so far.</summary>
    public int RecordedTicks { get; private set; }

    /// <summary>The number of hierarchy levels (1 for a flat network).</summary>
    public int LevelCount => _levelAgents.Length;

    /// <summary>Agents at hierarchy level <paramref name="level"/> (0 = the top).</summary>
    public int LevelAgents(int level) => _levelAgents[level];

    /// <summary>Distance from each agent to the nearest seed, <see cref="SeedDistances.Unreachable"/> if none reaches it.</summary>
    public ReadOnlySpan<int> SeedDistance => _seedDistance;

    /// <summary>Records the state of <paramref name="state"/> as the next tick. O(agents), allocates nothing.</summary>
    public void Record(AgentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.AgentCount != _graph.NodeCount)
        {
            throw new ArgumentException($"should hold {_graph.NodeCount} agents", nameof(state));
        }

        if (RecordedTicks > Horizon)
        {
            throw new InvalidOperationException($"the series is full at tick {Horizon}");
        }

        int tick = RecordedTicks;
        byte[] stages = state.Stages;
        Array.Clear(_teamStageSums);
        Array.Clear(_levelCounts);
        double scoreSum = 0;
        long distanceSum = 0;
        int reached = 0, competent = 0, farthest = -1;
        for (int v = 0; v < _graph.NodeCount; v++)
        {
            int i = v * Competencies.Count;
            uint word = stages[i] | ((uint)stages[i + 1] << 8) | ((uint)stages[i + 2] << 16) | ((uint)stages[i + 3] << 24);

            // External coaches are not part of the organisation's outcomes.
            if (_graph.Role(v) == Role.External)
            {
                continue;
            }

            scoreSum += _agentScore[Effectiveness.PackedIndex(word)];
            int team = _graph.Team(v) * Competencies.Count;
            for (int c = 0; c < Competencies.Count; c++)
            {
                _teamStageSums[team + c] += stages[i + c];
            }

            // Bit 1 of a stage byte is set exactly at stages 2 and 3.
            uint competentPairs = (word >> 1) & 0x01010101;
            if (competentPairs == 0)
            {
                continue;
            }

            competent++;
            _levelCounts[_graph.Level(v)] += System.Numerics.BitOperations.PopCount(competentPairs);
            int d = _seedDistance[v];
            if (d != SeedDistances.Unreachable)
            {
                reached++;
                distanceSum += d;
                farthest = Math.Max(farthest, d);
            }
        }

        _effectivenessAgents[tick] = _employees == 0 ? 0 : scoreSum / _employees;
        _effectivenessTeams[tick] = TeamMeanScore();
        _frontMean[tick] = reached == 0 ? double.NaN : distanceSum / (double)reached;
        _frontMax[tick] = farthest;
        _competentAgents[tick] = competent;
        _levelCounts.CopyTo(_levelCompetentPairs.AsSpan(tick * LevelCount, LevelCount));
        RecordedTicks++;
    }

    /// <summary>Mean effectiveness score over agents at <paramref name="tick"/>, in [−1, 1].</summary>
    public double EffectivenessAgentMean(int tick) => _effectivenessAgents[Checked(tick)];

    /// <summary>Mean over teams of each team's score from its members' mean levels, at <paramref name="tick"/>, in [−1, 1].</summary>
    public double EffectivenessTeamMean(int tick) => _effectivenessTeams[Checked(tick)];

    /// <summary>Mean distance from the nearest seed of the competent agents at <paramref name="tick"/>; NaN when none is competent.</summary>
    public double FrontMean(int tick) => _frontMean[Checked(tick)];

    /// <summary>Largest distance from the nearest seed of a competent agent at <paramref name="tick"/>; −1 when none is competent.</summary>
    public int FrontMax(int tick) => _frontMax[Checked(tick)];

    /// <summary>Agents competent (stage ≥ 2) in at least one competency at <paramref name="tick"/>.</summary>
    public int CompetentAgents(int tick) => _competentAgents[Checked(tick)];

    /// <summary>The share of agent–competency pairs at stage ≥ 2 among the agents of <paramref name="level"/> at <paramref name="tick"/>.</summary>
    public double LevelCompetentShare(int tick, int level)
    {
        int agents = _levelAgents[level];
        return agents == 0 ? 0 : _levelCompetentPairs[(Checked(tick) * LevelCount) + level] / ((double)agents * Competencies.Count);
    }

    private double TeamMeanScore()
    {
        int teams = 0;
        double sum = 0;
        for (int t = 0; t < _teamSize.Length; t++)
        {
            int size = _teamSize[t];
            if (size == 0)
            {
                continue;
            }

            // Mean stage / 3 = mean level, per competency.
            double scale = 1.0 / (3.0 * size);
            int k = t * Competencies.Count;
            sum += Effectiveness.Score(
                _teamStageSums[k] * scale, _teamStageSums[k + 1] * scale, _teamStageSums[k + 2] * scale, _teamStageSums[k + 3] * scale, _weights);
            teams++;
        }

        return teams == 0 ? 0 : sum / teams;
    }

    private int Checked(int tick)
    {
        if ((uint)tick >= (uint)RecordedTicks)
        {
            throw new ArgumentOutOfRangeException(nameof(tick), tick, $"should be in range [0, {RecordedTicks - 1}]");
        }

        return tick;
    }
}
