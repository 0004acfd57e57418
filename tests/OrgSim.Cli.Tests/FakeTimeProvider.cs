namespace OrgSim.Cli.Tests;

/// <summary>
/// A clock that moves only when told to. Its timers fire on the thread that calls <see cref="Advance"/>,
/// in the order they fall due, each while the clock shows its due time, so a test steps through
/// timed behaviour without sleeping and without reading the real clock.
/// </summary>
internal sealed class FakeTimeProvider : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly object _lock = new();
    private readonly List<FakeTimer> _timers = []; // under _lock: the timers that will fire
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The timers that will still fire: created, not yet disposed, and not one-shot timers that have fired.</summary>
    public int ActiveTimers
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count;
            }
        }
    }

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => Epoch.AddTicks(GetTimestamp());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock on by <paramref name="by"/>, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        long end = GetTimestamp() + by.Ticks;
        while (true)
        {
            FakeTimer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.Due <= end).MinBy(t => t.Due);
                if (next is null)
                {
                    break;
                }

                Interlocked.Exchange(ref _ticks, Math.Max(GetTimestamp(), next.Due));
                if (next.Period > 0)
                {
                    next.Due += next.Period;
                }
                else
                {
                    _timers.Remove(next);
                }
            }

            next.Callback(next.State); // Outside the lock: a callback may create or change timers.
        }

        Interlocked.Exchange(ref _ticks, end);
    }

    /// <summary>
    /// Blocks until at least <paramref name="count"/> timers are active, for a test that must not move
    /// the clock before another thread has started waiting on it; false if that never happens, a safety
    /// net against a hang rather than a measurement.
    /// </summary>
    public bool WaitForTimers(int count)
    {
        lock (_lock)
        {
            while (_timers.Count < count)
            {
                if (!Monitor.Wait(_lock, TestWaits.HangGuard))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                timer.Due = GetTimestamp() + dueTime.Ticks;
                timer.Period = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
                _timers.Add(timer);
                Monitor.PulseAll(_lock);
            }
        }
    }

    private sealed class FakeTimer(FakeTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public long Due { get; set; } // under the clock's lock

        public long Period { get; set; } // under the clock's lock; 0 for a one-shot timer

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Schedule(this, dueTime, period);
            return true;
        }

        public void Dispose() => clock.Schedule(this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
