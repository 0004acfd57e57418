using OrgSim.Core.Agents;

namespace OrgSim.Core.Metrics;

/// <summary>
/// The number of agents at each stage of each competency, for every tick of a run, in one
/// flat preallocated array: recording a tick allocates nothing.
/// </summary>
public sealed class StageSeries
{
    private const int PerTick = Competencies.Count * Stages.Count;
    private readonly int[] _counts;

    /// <summary>Creates room for ticks 0..<paramref name="horizon"/> of <paramref name="agentCount"/> agents.</summary>
    public StageSeries(int agentCount, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agentCount);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        AgentCount = agentCount;
        _counts = new int[(horizon + 1) * PerTick];
    }

    /// <summary>Agents in the run.</summary>
    public int AgentCount { get; }

    /// <summary>The last tick the series has room for.</summary>
    public int Horizon => (_counts.Length / PerTick) - 1;

    /// <summary>Ticks recorded so far: ticks 0..RecordedTicks-1 are filled.</summary>
    public int RecordedTicks { get; private set; }

    /// <summary>Stores <paramref name="stageCounts"/> (from <c>Simulation.StageCounts</c>) as the next tick.</summary>
    public void Record(ReadOnlySpan<int> stageCounts)
    {
        if (stageCounts.Length != PerTick)
        {
            throw new ArgumentException($"should hold {PerTick} counts", nameof(stageCounts));
        }

        if (RecordedTicks > Horizon)
        {
            throw new InvalidOperationException($"the series is full at tick {Horizon}");
        }

        stageCounts.CopyTo(_counts.AsSpan(RecordedTicks * PerTick, PerTick));
        RecordedTicks++;
    }

    /// <summary>Agents at <paramref name="stage"/> in <paramref name="competency"/> at <paramref name="tick"/>.</summary>
    public int Count(int tick, Competency competency, Stage stage)
    {
        CheckTick(tick);
        return _counts[(tick * PerTick) + ((int)competency * Stages.Count) + (int)stage];
    }

    /// <summary>
    /// The share of agent–competency pairs at stage 2 or 3 at <paramref name="tick"/>, in [0, 1]:
    /// the headline "competent share".
    /// </summary>
    public double CompetentShare(int tick)
    {
        CheckTick(tick);
        if (AgentCount == 0)
        {
            return 0;
        }

        long competent = 0;
        foreach (Competency c in Competencies.All)
        {
            competent += Count(tick, c, Stage.ConsciousCompetence) + Count(tick, c, Stage.UnconsciousCompetence);
        }

        return competent / ((double)AgentCount * Competencies.Count);
    }

    /// <summary>The first recorded tick whose competent share is at least <paramref name="share"/>, or null if none is.</summary>
    public int? FirstTickReaching(double share)
    {
        for (int t = 0; t < RecordedTicks; t++)
        {
            if (CompetentShare(t) >= share)
            {
                return t;
            }
        }

        return null;
    }

    private void CheckTick(int tick)
    {
        if ((uint)tick >= (uint)RecordedTicks)
        {
            throw new ArgumentOutOfRangeException(nameof(tick), tick, $"should be in range [0, {RecordedTicks - 1}]");
        }
    }
}
