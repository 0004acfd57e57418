namespace OrgSim.Core.Tests.Engine;

/// <summary>
/// Whether ticks allocate, read from per-thread allocation counters over two equal windows of ticks.
/// </summary>
/// <remarks>
/// A tick that allocates shows in both windows. A one-off allocation by the runtime on a thread
/// the ticks run on shows in at most one: CI saw 24 bytes on the calling thread once in about
/// thirty loaded runs (one minimal object; the first barrier wait that blocks creates its event's
/// lock object, for one), and a local run once, neither reproducible. So the tests take the
/// smaller window, which is 0 unless the ticks themselves allocate.
/// </remarks>
internal static class PerTickAllocation
{
    /// <summary>The bytes <paramref name="counter"/> rose by in the quieter of two runs of <paramref name="window"/>.</summary>
    public static long InQuieterOfTwoWindows(Func<long> counter, Action window)
    {
        long start = counter();
        window();
        long first = counter() - start;
        start = counter();
        window();
        long second = counter() - start;
        return Math.Min(first, second);
    }
}
