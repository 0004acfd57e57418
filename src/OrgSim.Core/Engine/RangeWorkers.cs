namespace OrgSim.Core.Engine;

/// <summary>
/// A fixed team of threads that run one job over <see cref="Count"/> contiguous ranges and
/// wait for each other at a barrier. Built once per simulation so that a tick allocates
/// nothing: <see cref="Parallel.For(int, int, Action{int})"/> allocates its tasks and closures
/// on every call.
/// </summary>
/// <remarks>
/// Every thread, the caller included, counts the bytes it allocates while running the job into
/// <see cref="AllocatedBytes"/>, so that a test can prove a tick allocates nothing. The count is
/// per thread, not per process: the runtime's own threads (tiered JIT, thread pool, the test
/// runner) allocate now and then, and a process-wide count saw them as the job's. The barrier
/// waits are left out too: a wait that spins or blocks belongs to the runtime, not to the job.
/// It costs two reads of the thread's allocation context and one interlocked add per worker per
/// <see cref="Run"/>, nothing against a job over thousands of agents.
/// </remarks>
internal sealed class RangeWorkers : IDisposable
{
    private readonly Thread[] _threads;
    private readonly Barrier _barrier;
    private Action<int>? _job;
    private Exception? _failure;
    private volatile bool _stopping;
    private long _allocatedBytes;
    private long _callerWaitBytes;

    public RangeWorkers(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        _barrier = new Barrier(count);
        _threads = new Thread[count - 1];
        for (int i = 0; i < _threads.Length; i++)
        {
            int worker = i + 1;
            _threads[i] = new Thread(() => Loop(worker)) { IsBackground = true, Name = $"orgsim-worker-{worker}" };
            _threads[i].Start();
        }
    }

    /// <summary>The number of ranges, including the calling thread's.</summary>
    public int Count { get; }

    /// <summary>
    /// Bytes allocated on the managed heap by every <see cref="Run"/>'s job so far, summed over all
    /// threads, the caller's included, plus what the caller counted with <see cref="CountAllocations"/>;
    /// the barrier waits between jobs are not counted.
    /// </summary>
    internal long AllocatedBytes => Interlocked.Read(ref _allocatedBytes);

    /// <summary>
    /// Bytes the calling thread allocated inside the barrier waits of <see cref="Run"/>: on a loaded
    /// machine a wait that has to block makes the barrier create its kernel event, once. A test that
    /// counts the caller's own allocations (the work it does between runs) takes these out, as the
    /// workers' counts leave their waits out.
    /// </summary>
    internal long CallerWaitBytes => _callerWaitBytes;

    /// <summary>Runs <paramref name="job"/>(worker) for every worker 0..Count-1 and returns when all are done.</summary>
    public void Run(Action<int> job)
    {
        if (Count == 1)
        {
            long alone = GC.GetAllocatedBytesForCurrentThread();
            job(0);
            CountAllocations(alone);
            return;
        }

        _job = job;
        Wait();
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            job(0);
        }
        catch (Exception e)
        {
            _failure ??= e;
        }

        CountAllocations(before);
        Wait();
        if (_failure is { } failure)
        {
            _failure = null;
            throw new InvalidOperationException("a simulation worker failed", failure);
        }
    }

    public void Dispose()
    {
        if (_stopping || Count == 1)
        {
            _barrier.Dispose();
            return;
        }

        _stopping = true;
        _barrier.SignalAndWait();
        foreach (Thread t in _threads)
        {
            t.Join();
        }

        _barrier.Dispose();
    }

    /// <summary>The caller's wait at the barrier, its allocations counted apart.</summary>
    private void Wait()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        _barrier.SignalAndWait();
        _callerWaitBytes += GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private void Loop(int worker)
    {
        while (true)
        {
            _barrier.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                _job!(worker);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }

            CountAllocations(before);
            _barrier.SignalAndWait();
        }
    }

    /// <summary>Adds what the current thread allocated since it read <paramref name="before"/> from <see cref="GC.GetAllocatedBytesForCurrentThread"/>.</summary>
    internal void CountAllocations(long before) =>
        Interlocked.Add(ref _allocatedBytes, GC.GetAllocatedBytesForCurrentThread() - before);
}
