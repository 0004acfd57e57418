using OrgSim.Core.Engine;

namespace OrgSim.Core.Tests.Engine;

public class RangeWorkersTests
{
    private const int ArrayBytes = 1_000;

    /// <summary>
    /// The counter behind <see cref="AllocationTests"/> sees what a job allocates on every thread: worker
    /// <c>w</c> allocates <c>w + 1</c> arrays of 1,000 bytes, so a thread left uncounted would leave the
    /// sum short. The upper bound allows for the arrays' headers.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Run_CountsWhatTheJobAllocatesOnEveryThread(int count)
    {
        using var workers = new RangeWorkers(count);
        var kept = new byte[count][][];
        Action<int> job = w =>
        {
            kept[w] = new byte[w + 1][];
            for (int i = 0; i <= w; i++)
            {
                kept[w][i] = new byte[ArrayBytes];
            }
        };
        workers.Run(job); // Warm-up: the first run compiles the job.

        long before = workers.AllocatedBytes;
        workers.Run(job);
        long allocated = workers.AllocatedBytes - before;

        int arrays = count * (count + 1) / 2;
        Assert.InRange(allocated, arrays * ArrayBytes, (arrays * (ArrayBytes + 64)) + (count * 64));
        GC.KeepAlive(kept);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Run_OfAJobThatAllocatesNothingCountsNothing(int count)
    {
        using var workers = new RangeWorkers(count);
        var sums = new long[count];
        Action<int> job = w => sums[w] += w;
        workers.Run(job);

        long before = workers.AllocatedBytes;
        for (int i = 0; i < 100; i++)
        {
            workers.Run(job);
        }

        Assert.Equal(0, workers.AllocatedBytes - before);
        Assert.Equal(101 * (count - 1), sums[^1]);
    }
}
