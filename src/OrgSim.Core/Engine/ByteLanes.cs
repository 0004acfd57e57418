using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OrgSim.Core.Engine;

/// <summary>
/// Moves an agent's four one-byte counters (stages, repetitions, idle weeks: byte c = competency c)
/// to and from the four 64-bit lanes of a vector, so that the four competencies' rules run side by
/// side, lane c = competency c, with the lane width of the <see cref="Vector256{T}"/> of doubles
/// that holds their chances.
/// </summary>
internal static class ByteLanes
{
    /// <summary>For each 4-bit set of competencies, all bits set in the lanes of the set, 0 elsewhere.</summary>
    private static readonly Vector256<ulong>[] SetMasks = Enumerable.Range(0, 16)
        .Select(bits => Vector256.Create(Lane(bits, 0), Lane(bits, 1), Lane(bits, 2), Lane(bits, 3)))
        .ToArray();

    /// <summary>Byte c of <paramref name="word"/> in lane c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Widen(uint word) => Avx2.IsSupported
        ? Avx2.ConvertToVector256Int64(Vector128.CreateScalar(word).AsByte()).AsUInt64()
        : Vector256.Create(word & 0xFF, (word >> 8) & 0xFF, (word >> 16) & 0xFF, (ulong)(word >> 24));

    /// <summary>Lane c, which must be below 256, as byte c of the result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Narrow(Vector256<ulong> lanes)
    {
        if (Avx512F.VL.IsSupported)
        {
            return Avx512F.VL.ConvertToVector128Byte(lanes).AsUInt32().ToScalar();
        }

        return (uint)(lanes.GetElement(0) | (lanes.GetElement(1) << 8) | (lanes.GetElement(2) << 16) | (lanes.GetElement(3) << 24));
    }

    /// <summary>All bits set in lane c for each bit c of <paramref name="bits"/> (a 4-bit set).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Mask(int bits) => SetMasks[bits & 0xF];

    private static ulong Lane(int bits, int c) => ((bits >> c) & 1) != 0 ? ulong.MaxValue : 0;
}
