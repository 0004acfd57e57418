using System.Text;

namespace OrgSim.Core.Randomness;

/// <summary>
/// Derives the seeds of a run's parts from the scenario seed and the run's coordinates (names
/// and indices), never from the order in which runs execute, so any run can be redone alone.
/// </summary>
public static class SeedDerivation
{
    /// <summary>The seed for <paramref name="label"/> (e.g. <c>"organisation"</c>) at <paramref name="index"/>.</summary>
    public static ulong Derive(ulong seed, string label, long index)
    {
        ArgumentNullException.ThrowIfNull(label);
        return CounterRng.Key(CounterRng.Key(seed, Fnv1a(label)), (ulong)index);
    }

    /// <summary>The 64-bit FNV-1a hash of the UTF-8 bytes of <paramref name="text"/>: stable across runtimes, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static ulong Fnv1a(string text)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return hash;
    }
}
