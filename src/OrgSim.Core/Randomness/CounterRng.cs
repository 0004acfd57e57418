using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace OrgSim.Core.Randomness;

/// <summary>
/// A counter-based random number generator: every draw is a pure function of a key and a
/// counter, so a result does not depend on which thread made the draw or in which order.
/// </summary>
/// <remarks>
/// A draw is SplitMix64's output at position <c>counter</c> of the stream that starts at
/// <c>key</c>: the 64-bit finaliser of Steele, Lea and Flood (2014), "Fast splittable
/// pseudorandom number generators", applied to <c>key + (counter + 1) · γ</c> with the golden
/// gamma γ = 0x9E3779B97F4A7C15. Keys are themselves derived with the same finaliser from the
/// run seed and the tick (<see cref="Key"/>), so each (seed, tick) owns its own stream, and the
/// counter packs (agent, purpose, competency).
/// </remarks>
public static class CounterRng
{
    /// <summary>The SplitMix64 increment, ⌊2^64 / φ⌋ rounded to odd.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private const double UnitScale = 1.0 / (1UL << 53);

    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mixer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Derives the key of an independent stream from a parent key and a label.</summary>
    public static ulong Key(ulong parent, ulong label) => Mix(Mix(parent + Gamma) ^ Mix(label ^ 0xD1B54A32D192ED03UL));

    /// <summary>64 random bits at position <paramref name="counter"/> of the stream <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bits(ulong key, ulong counter) => Mix(key + ((counter + 1) * Gamma));

    /// <summary>Four draws at once: lane i is <see cref="Bits(ulong, ulong)"/> at counter lane i, bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<ulong> Bits(ulong key, Vector256<ulong> counters)
    {
        Vector256<ulong> z = Vector256.Create(key) + ((counters + Vector256<ulong>.One) * Vector256.Create(Gamma));
        z = (z ^ Vector256.ShiftRightLogical(z, 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector256.ShiftRightLogical(z, 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    /// <summary>Two draws at once: lane i is <see cref="Bits(ulong, ulong)"/> at counter lane i, bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<ulong> Bits(ulong key, Vector128<ulong> counters)
    {
        Vector128<ulong> z = Vector128.Create(key) + ((counters + Vector128<ulong>.One) * Vector128.Create(Gamma));
        z = (z ^ Vector128.ShiftRightLogical(z, 30)) * Vector128.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector128.ShiftRightLogical(z, 27)) * Vector128.Create(0x94D049BB133111EBUL);
        return z ^ Vector128.ShiftRightLogical(z, 31);
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong key, ulong counter) => (Bits(key, counter) >> 11) * UnitScale;

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), by Lemire's multiply-shift (bias below 2^-32 for bounds under 2^32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Below(ulong key, ulong counter, int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        return (int)(((Bits(key, counter) >> 32) * (ulong)(uint)bound) >> 32);
    }
}
