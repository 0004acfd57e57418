using OrgSim.Core.Agents;

namespace OrgSim.Core.Metrics;

/// <summary>
/// The effectiveness score of a set of competency levels, in [−1, 1]: the mean level, less
/// penalties for chaotic action, for decisions without follow-through and for imbalance. A
/// negative score means the competencies do more harm than good: circularity without
/// decisiveness is chaotic, senseless action.
/// </summary>
/// <remarks>
/// With levels L_c = stage_c / 3 in [0, 1]:
/// E = clamp( mean(L) − a·max(0, L_circ − L_dec) − b·max(0, L_dec − (L_circ + L_pace)/2) − c·(max L − min L), −1, 1 ).
/// An agent's score uses its own stages; a team's uses its members' mean level per competency,
/// so a team whose decider and facilitator are different people can still be balanced.
/// </remarks>
public static class Effectiveness
{
    /// <summary>The score, in [−1, 1], of the levels (each in [0, 1]) in decisiveness, circularity, pacing and feedforward.</summary>
    public static double Score(double decisiveness, double circularity, double pacing, double feedforward, EffectivenessWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        double mean = (decisiveness + circularity + pacing + feedforward) / Competencies.Count;
        double chaos = Math.Max(0, circularity - decisiveness);
        double stalled = Math.Max(0, decisiveness - ((circularity + pacing) / 2));
        double spread = Math.Max(Math.Max(decisiveness, circularity), Math.Max(pacing, feedforward))
                      - Math.Min(Math.Min(decisiveness, circularity), Math.Min(pacing, feedforward));
        double score = mean - (weights.ChaosPenalty * chaos) - (weights.FollowThroughPenalty * stalled) - (weights.ImbalancePenalty * spread);
        return Math.Clamp(score, -1, 1);
    }

    /// <summary>The score of every combination of four stages, indexed by <see cref="PackedIndex"/>: 256 entries.</summary>
    internal static double[] StageTable(EffectivenessWeights weights)
    {
        var table = new double[256];
        for (int packed = 0; packed < table.Length; packed++)
        {
            table[packed] = Score(
                (packed & 3) / 3.0, ((packed >> 2) & 3) / 3.0, ((packed >> 4) & 3) / 3.0, ((packed >> 6) & 3) / 3.0, weights);
        }

        return table;
    }

    /// <summary>Four stages (byte c of <paramref name="stageWord"/> = competency c) packed two bits each.</summary>
    internal static int PackedIndex(uint stageWord) =>
        (int)((stageWord & 3) | ((stageWord >> 6) & 0xC) | ((stageWord >> 12) & 0x30) | ((stageWord >> 18) & 0xC0));
}
