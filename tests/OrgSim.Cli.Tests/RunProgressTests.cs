using System.Text;
using OrgSim.Cli.Commands;

namespace OrgSim.Cli.Tests;

public class RunProgressTests
{
    [Fact]
    public void Plain_PrintsAtMostOneLineEveryTenSecondsWithDoneTotalPercentRateAndTimeLeft()
    {
        var time = new FakeTimeProvider();
        var output = new StringWriter();
        using var progress = new RunProgress(output, totalRuns: 1000, alreadyDone: 0, interactive: false, time);

        time.Advance(TimeSpan.FromSeconds(5));
        Complete(progress, 100);
        Assert.Equal(string.Empty, output.ToString());

        time.Advance(TimeSpan.FromSeconds(5)); // t = 10 s: the first call prints, the next 249 do not.
        Complete(progress, 250);
        Assert.Equal(["progress: 101/1,000 runs (10%), 10.1 runs/s, about 89 s left"], Lines(output));

        time.Advance(TimeSpan.FromSeconds(9.9)); // t = 19.9 s: still within 10 s of the last line.
        Complete(progress, 1);
        Assert.Single(Lines(output));

        time.Advance(TimeSpan.FromSeconds(0.1)); // t = 20 s: 352 done, 17.6 runs/s, 648 left → 36.8 s.
        Complete(progress, 1);
        Assert.Equal("progress: 352/1,000 runs (35%), 17.6 runs/s, about 37 s left", Lines(output)[^1]);

        Complete(progress, 648); // 100%: the final line comes at once, whatever the interval.
        progress.Dispose();
        Assert.Equal(
            [
                "progress: 101/1,000 runs (10%), 10.1 runs/s, about 89 s left",
                "progress: 352/1,000 runs (35%), 17.6 runs/s, about 37 s left",
                "progress: 1,000/1,000 runs (100%), 50.0 runs/s, done",
            ],
            Lines(output));
        Assert.DoesNotContain('\u001b', output.ToString());
    }

    [Fact]
    public void Plain_CountsResumedRunsInDoneAndTotalButNotInTheRate()
    {
        var time = new FakeTimeProvider();
        var output = new StringWriter();
        using var progress = new RunProgress(output, totalRuns: 1000, alreadyDone: 600, interactive: false, time);

        time.Advance(TimeSpan.FromSeconds(9));
        Complete(progress, 199);
        time.Advance(TimeSpan.FromSeconds(1));
        Complete(progress, 1); // 200 runs in this process in 10 s: 20 runs/s, 200 left → 10 s.
        time.Advance(TimeSpan.FromSeconds(9)); // t = 19 s: no periodic line, but the 100% line.
        Complete(progress, 200);

        Assert.Equal(
            [
                "progress: 800/1,000 runs (80%), 20.0 runs/s, about 10 s left",
                "progress: 1,000/1,000 runs (100%), 21.1 runs/s, done",
            ],
            Lines(output));
    }

    [Fact]
    public void Plain_PrintsNothingForAJobUnderTwoSecondsAndOnlyTheFinalLineForOneUnderTenSeconds()
    {
        var time = new FakeTimeProvider();
        var quick = new StringWriter();
        using (var progress = new RunProgress(quick, totalRuns: 10, alreadyDone: 0, interactive: false, time))
        {
            time.Advance(TimeSpan.FromSeconds(1.5));
            Complete(progress, 10);
        }

        Assert.Equal(string.Empty, quick.ToString());

        var shortJob = new StringWriter();
        using (var progress = new RunProgress(shortJob, totalRuns: 10, alreadyDone: 0, interactive: false, time))
        {
            time.Advance(TimeSpan.FromSeconds(3));
            Complete(progress, 10);
        }

        Assert.Equal(["progress: 10/10 runs (100%), 3.3 runs/s, done"], Lines(shortJob));
    }

    [Fact]
    public void Plain_PrintsNothingMoreWhenStoppedBeforeTheEnd()
    {
        var time = new FakeTimeProvider();
        var output = new StringWriter();
        using (var progress = new RunProgress(output, totalRuns: 100, alreadyDone: 0, interactive: false, time))
        {
            time.Advance(TimeSpan.FromSeconds(20));
            Complete(progress, 50); // The first call prints: 1 run in 20 s, 99 left → 33 min.
        }

        Assert.Equal(["progress: 1/100 runs (1%), 0.05 runs/s, about 33 min left"], Lines(output));
    }

    [Fact]
    public void PlainLine_SaysEstimatingBeforeTheFirstRunCompletes()
    {
        var time = new FakeTimeProvider();
        using var progress = new RunProgress(new StringWriter(), totalRuns: 40, alreadyDone: 4, interactive: false, time);
        time.Advance(TimeSpan.FromSeconds(12));

        Assert.Equal("progress: 4/40 runs (10%), 0.0 runs/s, estimating", progress.PlainLine());
    }

    [Theory]
    [InlineData(0.2, "about 1 s left")]
    [InlineData(16.4, "about 16 s left")]
    [InlineData(59.6, "about 60 s left")]
    [InlineData(89.4, "about 89 s left")]
    [InlineData(90, "about 2 min left")]
    [InlineData(180, "about 3 min left")]
    [InlineData(3600, "about 1 h left")]
    [InlineData(7500, "about 2 h 5 min left")]
    public void FormatTimeLeft_UsesSecondsMinutesAndHours(double seconds, string expected) =>
        Assert.Equal(expected, RunProgress.FormatTimeLeft(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Completed_FromEightThreadsCountsEveryCallAndPrintsTheFinalLineOnce()
    {
        var time = new FakeTimeProvider();
        var output = new StringWriter();
        using var progress = new RunProgress(TextWriter.Synchronized(output), totalRuns: 80_000, alreadyDone: 0, interactive: false, time);
        time.Advance(TimeSpan.FromSeconds(4)); // Past the 2 s threshold, short of the 10 s interval.

        RunOnThreads(progress, threads: 8, callsEach: 10_000);

        Assert.Equal(["progress: 80,000/80,000 runs (100%), 20,000.0 runs/s, done"], Lines(output));
    }

    [Fact]
    public void Completed_FromEightThreadsCountsExactly80000()
    {
        var time = new FakeTimeProvider();
        using var progress = new RunProgress(new StringWriter(), totalRuns: 100_000, alreadyDone: 0, interactive: false, time);
        time.Advance(TimeSpan.FromSeconds(1));

        RunOnThreads(progress, threads: 8, callsEach: 10_000);

        Assert.StartsWith("progress: 80,000/100,000 runs (80%), 80,000.0 runs/s,", progress.PlainLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_DrawsTheFinalCountOnAnyWriterAndDisposeJoinsTheBar()
    {
        var time = new FakeTimeProvider();
        var output = new RecordingWriter();
        var progress = new RunProgress(output, totalRuns: 10, alreadyDone: 2, interactive: true, time);
        Assert.True(output.WaitFor("2/10"), "the bar drew no first frame");

        // The clock stands still, so no frame falls due: only Dispose can draw the new count.
        Parallel.For(0, 8, _ => progress.Completed());
        Assert.True(progress.IsDrawing);
        Assert.False(await DisposeOnAnotherThread(progress), "Dispose returned before the drawing task ended");

        Assert.Contains("10/10", output.Text, StringComparison.Ordinal); // The count column reads the counters.
        Assert.Contains("100%", output.Text, StringComparison.Ordinal); // The bar's own value, set for its last frame.
        Assert.Equal(0, time.ActiveTimers); // The refresh timer ended with the bar.
        string drawn = output.Text;
        Assert.False(await DisposeOnAnotherThread(progress)); // A second Dispose is harmless.
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(drawn, output.Text);
    }

    [Fact]
    public void Interactive_DrawsAFrameEachRefreshIntervalOfTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        var output = new RecordingWriter();
        using var progress = new RunProgress(output, totalRuns: 100, alreadyDone: 0, interactive: true, time);
        Assert.True(output.WaitFor("0/100"), "the bar drew no first frame");
        Assert.True(time.WaitForTimers(1), "the bar set no timer on the injected clock");

        Complete(progress, 5);
        time.Advance(RunProgress.RefreshInterval);
        Assert.True(output.WaitFor("5/100"), "a refresh interval passed on the injected clock and the bar drew no frame");

        Complete(progress, 20);
        time.Advance(RunProgress.RefreshInterval);
        Assert.True(output.WaitFor("25/100"), "a second refresh interval drew no frame");
    }

    [Fact]
    public async Task Interactive_DisposeRightAfterStartEndsTheBarAfterItsOnlyFrame()
    {
        var time = new FakeTimeProvider();
        var output = new RecordingWriter();
        var progress = new RunProgress(output, totalRuns: 1000, alreadyDone: 0, interactive: true, time);
        Assert.False(await DisposeOnAnotherThread(progress), "Dispose returned before the drawing task ended");

        Assert.Contains("0/1,000", output.Text, StringComparison.Ordinal);
        Assert.Equal(0, time.ActiveTimers);
    }

    [Fact]
    public async Task Interactive_DisposeGivesUpOnAStuckTerminalAfterTheTimeoutOnTheInjectedClock()
    {
        var time = new FakeTimeProvider();
        var output = new RecordingWriter();
        var progress = new RunProgress(output, totalRuns: 10, alreadyDone: 0, interactive: true, time);
        Assert.True(output.WaitFor("0/10"), "the bar drew no first frame");

        // The terminal stops taking output in the middle of the next frame.
        output.Block();
        progress.Completed();
        time.Advance(RunProgress.RefreshInterval);
        Assert.True(output.WaitUntilStuck(), "the bar drew no frame after a refresh interval");

        try
        {
            Task<bool> disposing = DisposeOnAnotherThread(progress);
            Assert.True(time.WaitForTimers(2), "Dispose set no timeout on the injected clock"); // The refresh timer and Dispose's.
            Assert.False(disposing.IsCompleted); // Before the timeout, Dispose waits for the stuck bar.
            time.Advance(RunProgress.DisposeTimeout);
            Assert.True(await disposing, "the bar was no longer drawing, so it was not stuck");
        }
        finally
        {
            output.Release();
        }
    }

    [Fact]
    public void IsInteractive_IsFalseForAnythingButTheConsole() =>
        Assert.False(RunProgress.IsInteractive(new StringWriter()));

    private static void Complete(RunProgress progress, int times)
    {
        for (int i = 0; i < times; i++)
        {
            progress.Completed();
        }
    }

    private static void RunOnThreads(RunProgress progress, int threads, int callsEach)
    {
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            Complete(progress, callsEach);
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
    }

    /// <summary>
    /// Disposes <paramref name="progress"/> and says whether its bar was still drawing the moment Dispose
    /// returned. On another thread, so that a Dispose that never returns fails the test (TimeoutException)
    /// instead of hanging the run.
    /// </summary>
    private static Task<bool> DisposeOnAnotherThread(RunProgress progress) => Task.Run(() =>
    {
        progress.Dispose();
        return progress.IsDrawing;
    }).WaitAsync(TestWaits.HangGuard);

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>
    /// A terminal for the bar, written from its drawing thread: a test waits until some text has been
    /// drawn, and can make writes block, as a terminal that stopped taking output would.
    /// </summary>
    private sealed class RecordingWriter : TextWriter
    {
        private readonly object _lock = new();
        private readonly StringBuilder _text = new(); // under _lock
        private bool _blocking; // under _lock
        private bool _stuck; // under _lock: a write is waiting in Block

        public override Encoding Encoding => Encoding.Unicode;

        public string Text
        {
            get
            {
                lock (_lock)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            lock (_lock)
            {
                while (_blocking)
                {
                    _stuck = true;
                    Monitor.PulseAll(_lock);
                    Monitor.Wait(_lock);
                }

                _text.Append(value);
                Monitor.PulseAll(_lock);
            }
        }

        /// <summary>Waits until <paramref name="text"/> has been written; false only if it never is.</summary>
        public bool WaitFor(string text) => WaitUntil(() => _text.ToString().Contains(text, StringComparison.Ordinal));

        /// <summary>From now on every write blocks until <see cref="Release"/>.</summary>
        public void Block()
        {
            lock (_lock)
            {
                _blocking = true;
            }
        }

        /// <summary>Waits until a write is blocked.</summary>
        public bool WaitUntilStuck() => WaitUntil(() => _stuck);

        public void Release()
        {
            lock (_lock)
            {
                _blocking = false;
                Monitor.PulseAll(_lock);
            }
        }

        private bool WaitUntil(Func<bool> condition)
        {
            lock (_lock)
            {
                while (!condition())
                {
                    if (!Monitor.Wait(_lock, TestWaits.HangGuard))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
