using OrgSim.Core.Agents;

namespace OrgSim.Core.Metrics;

/// <summary>
/// Retention: of the agent–competency pairs at stage 2 or 3 when the intervention ended, the share
/// still at stage 2 or 3 some weeks later.
/// </summary>
public sealed class Retention
{
    private readonly byte[] _competentAtEnd;

    /// <summary>Takes the snapshot at the end of the intervention.</summary>
    public Retention(AgentState atEnd)
    {
        ArgumentNullException.ThrowIfNull(atEnd);
        _competentAtEnd = new byte[atEnd.Stages.Length];
        for (int i = 0; i < _competentAtEnd.Length; i++)
        {
            _competentAtEnd[i] = atEnd.Stages[i] >= (int)Stage.ConsciousCompetence ? (byte)1 : (byte)0;
        }

        CompetentAtEnd = _competentAtEnd.Count(b => b != 0);
    }

    /// <summary>Agent–competency pairs at stage ≥ 2 at the end of the intervention.</summary>
    public int CompetentAtEnd { get; }

    /// <summary>The share of <see cref="CompetentAtEnd"/> still at stage ≥ 2 in <paramref name="now"/>; null when there were none.</summary>
    public double? Retained(AgentState now)
    {
        ArgumentNullException.ThrowIfNull(now);
        if (now.Stages.Length != _competentAtEnd.Length)
        {
            throw new ArgumentException("should be the same organisation as the snapshot", nameof(now));
        }

        if (CompetentAtEnd == 0)
        {
            return null;
        }

        int kept = 0;
        for (int i = 0; i < _competentAtEnd.Length; i++)
        {
            kept += _competentAtEnd[i] & (now.Stages[i] >= (int)Stage.ConsciousCompetence ? 1 : 0);
        }

        return kept / (double)CompetentAtEnd;
    }
}
