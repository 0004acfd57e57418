using OrgSim.Core.Agents;

namespace OrgSim.Core.Metrics;

/// <summary>
/// The stage history of every agent in one run: all four stages of every agent at the first
/// recorded tick, then only the changes. Exports replay it as per-tick spells (GEXF dynamic
/// attributes), so Gephi can play the spread on its timeline.
/// </summary>
/// <remarks>
/// Memory: 24 bytes per agent, fixed at construction (the first stages, the last recorded
/// stages and a link to the latest change of each agent–competency pair), plus 9 bytes per
/// change (tick, stage, link). Recording a tick compares the whole state once, O(agents), and allocates only when
/// it stores a change (amortised growth of the change arrays); an unchanged state allocates
/// nothing. Deterministic: the same sequence of states gives the same log.
/// </remarks>
public sealed class StageChangeLog
{
    private const int PerAgent = Competencies.Count;

    private readonly byte[] _first;
    private readonly byte[] _current;

    /// <summary>Per agent–competency pair, the index of its latest change, or -1 if it never changed.</summary>
    private readonly int[] _latestChange;

    // The changes, in the order they were recorded (so by tick), as parallel arrays; each links
    // to the previous change of the same pair, so one pair's history is read without a scan.
    private int[] _changeTicks = [];
    private int[] _previousChange = [];
    private byte[] _changeStages = [];

    /// <summary>Creates an empty log for <paramref name="agentCount"/> agents.</summary>
    public StageChangeLog(int agentCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agentCount);
        AgentCount = agentCount;
        _first = new byte[agentCount * PerAgent];
        _current = new byte[agentCount * PerAgent];
        _latestChange = new int[agentCount * PerAgent];
        Array.Fill(_latestChange, -1);
    }

    /// <summary>The number of agents.</summary>
    public int AgentCount { get; }

    /// <summary>The first recorded tick (usually 0), or -1 before anything is recorded.</summary>
    public int FirstTick { get; private set; } = -1;

    /// <summary>The last recorded tick, or -1 before anything is recorded.</summary>
    public int LastTick { get; private set; } = -1;

    /// <summary>Whether at least one tick has been recorded.</summary>
    public bool HasRecords => LastTick >= 0;

    /// <summary>The number of stage changes stored after the first tick.</summary>
    public int ChangeCount { get; private set; }

    /// <summary>
    /// Records the stages of <paramref name="state"/> at <paramref name="tick"/>: all of them the
    /// first time, afterwards only those that differ from the previous record.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The tick is negative or not after <see cref="LastTick"/>.</exception>
    /// <exception cref="ArgumentException">The state holds another number of agents.</exception>
    public void Record(int tick, AgentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.AgentCount != AgentCount)
        {
            throw new ArgumentException($"the state holds {state.AgentCount} agents; this log records {AgentCount}", nameof(state));
        }

        if (tick < 0 || tick <= LastTick)
        {
            throw new ArgumentOutOfRangeException(nameof(tick), tick, $"should be non-negative and after the last recorded tick {LastTick}");
        }

        ReadOnlySpan<byte> stages = state.Stages;
        if (!HasRecords)
        {
            stages.CopyTo(_first);
            stages.CopyTo(_current);
            FirstTick = tick;
            LastTick = tick;
            return;
        }

        // CommonPrefixLength is vectorised, so a quiet tick costs a memory compare, not a loop per pair.
        int i = 0;
        while (true)
        {
            i += stages[i..].CommonPrefixLength(_current.AsSpan(i));
            if (i >= stages.Length)
            {
                break;
            }

            AddChange(tick, i, stages[i]);
            _current[i] = stages[i];
            i++;
        }

        LastTick = tick;
    }

    /// <summary>
    /// The spells of <paramref name="agent"/> in <paramref name="competency"/>, in time order:
    /// the first starts at <see cref="FirstTick"/>, each ends (exclusive) where the next starts,
    /// and the last is open (<see cref="StageSpell.ToTick"/> null). Empty before anything is recorded.
    /// </summary>
    public IReadOnlyList<StageSpell> Spells(int agent, Competency competency)
    {
        int slot = Slot(agent, competency);
        if (!HasRecords)
        {
            return [];
        }

        int count = 1;
        for (int k = _latestChange[slot]; k >= 0; k = _previousChange[k])
        {
            count++;
        }

        var spells = new StageSpell[count];
        int? to = null;
        int next = count - 1;
        for (int k = _latestChange[slot]; k >= 0; k = _previousChange[k])
        {
            spells[next--] = new StageSpell(_changeTicks[k], to, (Stage)_changeStages[k]);
            to = _changeTicks[k];
        }

        spells[0] = new StageSpell(FirstTick, to, (Stage)_first[slot]);
        return spells;
    }

    /// <summary>The stage <paramref name="agent"/> held in <paramref name="competency"/> at <paramref name="tick"/>, a recorded tick or one between.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The tick is outside <see cref="FirstTick"/>..<see cref="LastTick"/>.</exception>
    public Stage StageAt(int agent, Competency competency, int tick)
    {
        int slot = Slot(agent, competency);
        if (!HasRecords || tick < FirstTick || tick > LastTick)
        {
            throw new ArgumentOutOfRangeException(nameof(tick), tick, $"should be in the recorded range [{FirstTick}, {LastTick}]");
        }

        for (int k = _latestChange[slot]; k >= 0; k = _previousChange[k])
        {
            if (_changeTicks[k] <= tick)
            {
                return (Stage)_changeStages[k];
            }
        }

        return (Stage)_first[slot];
    }

    private void AddChange(int tick, int slot, byte stage)
    {
        int k = ChangeCount;
        if (k == _changeTicks.Length)
        {
            int capacity = Math.Max(16, k * 2);
            Array.Resize(ref _changeTicks, capacity);
            Array.Resize(ref _previousChange, capacity);
            Array.Resize(ref _changeStages, capacity);
        }

        _changeTicks[k] = tick;
        _changeStages[k] = stage;
        _previousChange[k] = _latestChange[slot];
        _latestChange[slot] = k;
        ChangeCount = k + 1;
    }

    private int Slot(int agent, Competency competency)
    {
        if ((uint)agent >= (uint)AgentCount)
        {
            throw new ArgumentOutOfRangeException(nameof(agent), agent, $"should be in range [0, {AgentCount - 1}]");
        }

        if ((uint)competency >= Competencies.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(competency), competency, "should be one of the four competencies");
        }

        return (agent * PerAgent) + (int)competency;
    }
}
