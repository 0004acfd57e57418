using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;

namespace OrgSim.Core.Metrics;

/// <summary>
/// The outcomes of a run that need the agents, not just the stage counts, recorded at every tick
/// into preallocated arrays: mean effectiveness of agents and of teams, the spread front, the
/// competent share of each hierarchy level, the number of competent agents, and the retention
/// curve of the trained cohort (<see cref="Cohort"/>).
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
    private readonly OutcomeTally _tally;
    private readonly int[] _levelAgents;
    private readonly double[] _effectivenessAgents;
    private readonly double[] _effectivenessTeams;
    private readonly double[] _frontMean;
    private readonly int[] _frontMax;
    private readonly int[] _competentAgents;
    private readonly int[] _levelCompetentPairs;
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
        _tally = new OutcomeTally(graph, _seedDistance);
        Cohort = new CohortRetention(graph, horizon);
    }

    /// <summary>The retention curve of the pairs the seeding waves trained; a run tells it each wave with <see cref="CohortRetention.Train"/>.</summary>
    public CohortRetention Cohort { get; }

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

    /// <summary>Records the state of <paramref name="state"/> as the next tick. O(agents), allocates nothing after the first tick.</summary>
    public void Record(AgentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        CheckRoom(state.AgentCount, nameof(state));
        _tally.Use(state.Stages);
        _tally.Start(1);
        _tally.Add(0, 0, state.AgentCount);
        _tally.Combine();
        Cohort.Record(state.Stages, RecordedTicks);
        Store();
    }

    /// <summary>
    /// Records the current state of <paramref name="simulation"/> as the next tick, the agents
    /// split among the simulation's threads (<see cref="Simulation.Scan"/>): the same values as
    /// <see cref="Record(AgentState)"/>, bit for bit, whatever the number of threads. Allocates
    /// nothing after the first tick.
    /// </summary>
    public void Record(Simulation simulation)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        CheckRoom(simulation.State.AgentCount, nameof(simulation));
        _tally.Use(simulation.State.Stages);
        simulation.Scan(_tally);
        Cohort.Record(simulation.State.Stages, RecordedTicks);
        Store();
    }

    private void CheckRoom(int agents, string parameter)
    {
        if (agents != _graph.NodeCount)
        {
#pragma warning disable CA2208 // The caller's parameter, named by the caller.
            throw new ArgumentException($"should hold {_graph.NodeCount} agents", parameter);
#pragma warning restore CA2208
        }

        if (RecordedTicks > Horizon)
        {
            throw new InvalidOperationException($"the series is full at tick {Horizon}");
        }
    }

    private void Store()
    {
        int tick = RecordedTicks;

        // Σ over the stage combinations of (agents holding it × its score), in combination order.
        double scoreSum = 0;
        for (int packed = 0; packed < _agentScore.Length; packed++)
        {
            scoreSum += _tally.AtCombination(packed) * _agentScore[packed];
        }

        _effectivenessAgents[tick] = _employees == 0 ? 0 : scoreSum / _employees;
        _effectivenessTeams[tick] = TeamMeanScore();
        _frontMean[tick] = _tally.Reached == 0 ? double.NaN : _tally.DistanceSum / (double)_tally.Reached;
        _frontMax[tick] = _tally.Farthest;
        _competentAgents[tick] = _tally.Competent;
        _tally.LevelCompetentPairs.CopyTo(_levelCompetentPairs.AsSpan(tick * LevelCount, LevelCount));
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
            ReadOnlySpan<int> sums = _tally.TeamStageSums(t);
            sum += Effectiveness.Score(sums[0] * scale, sums[1] * scale, sums[2] * scale, sums[3] * scale, _weights);
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
