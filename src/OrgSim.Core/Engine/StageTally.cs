using System.Runtime.CompilerServices;
using OrgSim.Core.Agents;

namespace OrgSim.Core.Engine;

/// <summary>
/// Counts agents by stage in four registers, one per competency, each holding four 16-bit
/// counters. Callers move the counts out with <see cref="MoveTo"/> at least every
/// <see cref="Capacity"/> agents, before a counter can overflow.
/// </summary>
/// <remarks>
/// Incrementing an array slot per agent and competency chains consecutive agents through a
/// store and reload of the same few slots; adding to four registers does not.
/// </remarks>
internal struct StageTally
{
    /// <summary>The most agents that can be added between two calls of <see cref="MoveTo"/>.</summary>
    public const int Capacity = ushort.MaxValue;

    private ulong _c0, _c1, _c2, _c3;

    /// <summary>Counts one agent whose stages are the bytes of <paramref name="stageWord"/> (byte c = competency c).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(uint stageWord)
    {
        _c0 += 1UL << (16 * (int)(stageWord & 0xFF));
        _c1 += 1UL << (16 * (int)((stageWord >> 8) & 0xFF));
        _c2 += 1UL << (16 * (int)((stageWord >> 16) & 0xFF));
        _c3 += 1UL << (16 * (int)(stageWord >> 24));
    }

    /// <summary>Adds the counts to <paramref name="counts"/> (indexed <c>competency * 4 + stage</c>) and starts again from zero.</summary>
    public void MoveTo(Span<int> counts)
    {
        Spill(_c0, counts[..Stages.Count]);
        Spill(_c1, counts.Slice(Stages.Count, Stages.Count));
        Spill(_c2, counts.Slice(2 * Stages.Count, Stages.Count));
        Spill(_c3, counts.Slice(3 * Stages.Count, Stages.Count));
        _c0 = _c1 = _c2 = _c3 = 0;
    }

    private static void Spill(ulong packed, Span<int> counts)
    {
        for (int stage = 0; stage < Stages.Count; stage++)
        {
            counts[stage] += (int)((packed >> (16 * stage)) & 0xFFFF);
        }
    }
}
