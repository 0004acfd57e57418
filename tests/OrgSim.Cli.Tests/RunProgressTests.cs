using System.Diagnostics;
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
    public void Interactive_DrawsOnAnyWriterAndDisposeReturnsPromptly()
    {
        var output = new StringWriter();
        var progress = new RunProgress(TextWriter.Synchronized(output), totalRuns: 10, alreadyDone: 2, interactive: true, TimeProvider.System);
        Parallel.For(0, 8, _ => progress.Completed());
        Thread.Sleep(250);

        var clock = Stopwatch.StartNew();
        progress.Dispose();
        clock.Stop();
        progress.Dispose(); // A second Dispose is harmless.

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Dispose took {clock.Elapsed}");
        Assert.Contains("10/10", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Interactive_DisposeRightAfterStartReturnsPromptly()
    {
        var clock = Stopwatch.StartNew();
        using (new RunProgress(new StringWriter(), totalRuns: 1000, alreadyDone: 0, interactive: true, TimeProvider.System))
        {
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"construction and Dispose took {clock.Elapsed}");
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

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>A clock that moves only when told to.</summary>
    private sealed class FakeTimeProvider : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(GetTimestamp());

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
