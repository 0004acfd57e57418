namespace OrgSim.Core.Graph;

/// <summary>Equality of pairs packed by <see cref="TiePairs.Pack"/>, with a hash that spreads them, for sets of ties.</summary>
/// <remarks>
/// A long's own hash is its low word XOR its high word, here <c>a ^ b</c>: for the ties of a ring
/// lattice, (a, a + j), that takes a few dozen values in all, so a set of them degraded into a few
/// long chains and Watts–Strogatz rewiring became quadratic in the agents (10^4 agents of degree
/// 10 took a second). This hash mixes all 64 bits (the finaliser of SplitMix64). It is not seeded:
/// no set of ties is enumerated, so the hash decides no result, only how fast it comes.
/// </remarks>
internal sealed class TiePairComparer : IEqualityComparer<long>
{
    public static readonly TiePairComparer Instance = new();

    private TiePairComparer()
    {
    }

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long pair)
    {
        ulong z = (ulong)pair;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        z ^= z >> 31;
        return (int)z ^ (int)(z >> 32);
    }
}
