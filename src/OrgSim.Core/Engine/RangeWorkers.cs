namespace OrgSim.Core.Engine;

/// <summary>
/// A fixed team of threads that run one job over <see cref="Count"/> contiguous ranges and
/// wait for each other at a barrier. Built once per simulation so that a tick allocates
/// nothing: <see cref="Parallel.For(int, int, Action{int})"/> allocates its tasks and closures
/// on every call.
/// </summary>
internal sealed class RangeWorkers : IDisposable
{
    private readonly Thread[] _threads;
    private readonly Barrier _barrier;
    private Action<int>? _job;
    private Exception? _failure;
    private volatile bool _stopping;

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

    /// <summary>Runs <paramref name="job"/>(worker) for every worker 0..Count-1 and returns when all are done.</summary>
    public void Run(Action<int> job)
    {
        if (Count == 1)
        {
            job(0);
            return;
        }

        _job = job;
        _barrier.SignalAndWait();
        try
        {
            job(0);
        }
        catch (Exception e)
        {
            _failure ??= e;
        }

        _barrier.SignalAndWait();
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

    private void Loop(int worker)
    {
        while (true)
        {
            _barrier.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            try
            {
                _job!(worker);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, e, null);
            }

            _barrier.SignalAndWait();
        }
    }
}
