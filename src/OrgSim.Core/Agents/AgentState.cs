namespace OrgSim.Core.Agents;

/// <summary>
/// The learning state of every agent, as a struct of arrays indexed by
/// <c>agent * 4 + competency</c> so that one agent's four competencies share a cache line.
/// </summary>
/// <remarks>
/// Twelve bytes per agent: a stage, a repetition counter and a weeks-without-practice counter
/// for each competency. Counters saturate at 255, which is above every repetition target the
/// parameters allow.
/// </remarks>
public sealed class AgentState
{
    internal readonly byte[] Stages;
    internal readonly byte[] Repetitions;
    internal readonly byte[] IdleWeeks;

    /// <summary>Creates the state of <paramref name="agentCount"/> agents, all at stage 0.</summary>
    public AgentState(int agentCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agentCount);
        AgentCount = agentCount;
        Stages = new byte[agentCount * Competencies.Count];
        Repetitions = new byte[agentCount * Competencies.Count];
        IdleWeeks = new byte[agentCount * Competencies.Count];
    }

    /// <summary>The number of agents.</summary>
    public int AgentCount { get; }

    /// <summary>The stage <paramref name="agent"/> has reached in <paramref name="competency"/>.</summary>
    public Stage GetStage(int agent, Competency competency) => (Stage)Stages[Index(agent, competency)];

    /// <summary>Successful repetitions counted towards the next stage since the last change of stage.</summary>
    public int GetRepetitions(int agent, Competency competency) => Repetitions[Index(agent, competency)];

    /// <summary>Puts <paramref name="agent"/> at <paramref name="stage"/> with its counters cleared.</summary>
    public void SetStage(int agent, Competency competency, Stage stage)
    {
        if ((uint)stage > (uint)Stage.UnconsciousCompetence)
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "should be in range [0, 3]");
        }

        int i = Index(agent, competency);
        Stages[i] = (byte)stage;
        Repetitions[i] = 0;
        IdleWeeks[i] = 0;
    }

    /// <summary>All stages, <c>agent * 4 + competency</c>, without a copy: for recorders that read every agent each week. Valid between steps.</summary>
    public ReadOnlySpan<byte> StageBytes => Stages;

    /// <summary>A copy of all stages, <c>agent * 4 + competency</c>, for tests and snapshots.</summary>
    public byte[] CopyStages() => (byte[])Stages.Clone();

    private int Index(int agent, Competency competency)
    {
        if ((uint)agent >= (uint)AgentCount)
        {
            throw new ArgumentOutOfRangeException(nameof(agent), agent, $"should be in range [0, {AgentCount - 1}]");
        }

        return (agent * Competencies.Count) + (int)competency;
    }
}
