using System.Globalization;
using System.Runtime.CompilerServices;
using Spectre.Console;
using Spectre.Console.Rendering;

[assembly: InternalsVisibleTo("OrgSim.Cli.Tests")]

namespace OrgSim.Cli.Commands;

/// <summary>
/// Reports the progress of <c>orgsim run</c>: runs done, rate and time left. On a terminal it draws a
/// Spectre.Console progress bar; elsewhere (CI, a log file) it prints a plain line at most every
/// <see cref="PlainInterval"/> and one at 100%. <see cref="Completed"/> may be called from any thread.
/// Every wait and every time it shows runs on the <see cref="TimeProvider"/> it is given, the bar's
/// frames included, so a test with a fake clock steps through them without sleeping.
/// </summary>
internal sealed class RunProgress : IDisposable
{
    /// <summary>The shortest time between two plain progress lines.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);

    /// <summary>A job this short that printed no intermediate line prints no final line either.</summary>
    public static readonly TimeSpan FinalLineThreshold = TimeSpan.FromSeconds(2);

    /// <summary>The time between two frames of the interactive bar.</summary>
    internal static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long <see cref="Dispose"/> waits for the bar's last frame.</summary>
    internal static readonly TimeSpan DisposeTimeout = TimeSpan.FromSeconds(1.5);

    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly long _total;
    private readonly long _alreadyDone;
    private readonly long _start;
    private readonly long _intervalTicks;
    private readonly object _printLock = new();
    private readonly object _frameLock = new(); // The bar waits on it between frames.
    private readonly Task? _bar;

    private long _completed; // runs completed in this process
    private long _nextLineAt; // timestamp of the earliest next periodic plain line
    private bool _linePrinted; // under _printLock
    private bool _finished; // under _printLock
    private bool _frameDue; // under _frameLock: the refresh timer fired since the last frame
    private bool _stopping; // under _frameLock: Dispose was called
    private int _disposed;

    public RunProgress(TextWriter output, long totalRuns, long alreadyDone, bool interactive, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(totalRuns);
        ArgumentOutOfRangeException.ThrowIfNegative(alreadyDone);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(alreadyDone, totalRuns);
        _output = output;
        _time = time;
        _total = totalRuns;
        _alreadyDone = alreadyDone;
        _start = time.GetTimestamp();
        _intervalTicks = (long)(PlainInterval.TotalSeconds * time.TimestampFrequency);
        _nextLineAt = _start + _intervalTicks;
        if (interactive)
        {
            IAnsiConsole console = CreateConsole(output);
            _bar = Task.Factory.StartNew(
                () => RunBar(console), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// True only when <paramref name="output"/> is the process's console, standard output is not redirected,
    /// <c>TERM</c> is not <c>dumb</c> and <c>CI</c> is unset (or empty).
    /// </summary>
    public static bool IsInteractive(TextWriter output) =>
        Terminal.IsConsole(output)
        && !Console.IsOutputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal)
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Counts one completed run. Thread safe, lock free except for (rare) plain progress lines.</summary>
    public void Completed()
    {
        long here = Interlocked.Increment(ref _completed);
        if (_bar is not null)
        {
            return;
        }

        if (here == _total - _alreadyDone)
        {
            PrintFinalLine();
            return;
        }

        long now = _time.GetTimestamp();
        if (now >= Volatile.Read(ref _nextLineAt))
        {
            PrintPeriodicLine(now);
        }
    }

    /// <summary>
    /// Stops the bar and waits until it has drawn its last state, which it leaves on screen; gives up
    /// after <see cref="DisposeTimeout"/> on the injected clock, should the terminal stop taking output.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || _bar is null)
        {
            return;
        }

        lock (_frameLock)
        {
            _stopping = true;
            Monitor.Pulse(_frameLock);
        }

        try
        {
            _bar.WaitAsync(DisposeTimeout, _time).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            // The bar is stuck writing; leave it, the run's results matter more than its last frame.
        }
    }

    /// <summary>True from the start of an interactive bar until its drawing task has ended.</summary>
    internal bool IsDrawing => _bar is { IsCompleted: false };

    /// <summary>The plain progress line for the current state, e.g. <c>progress: 350/1,000 runs (35%), 41.2 runs/s, about 16 s left</c>.</summary>
    internal string PlainLine()
    {
        var s = Snapshot();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"progress: {s.Done:N0}/{_total:N0} runs ({s.Percent}%), {FormatRate(s.Rate)} runs/s, {s.Left}");
    }

    /// <summary>Formats the time left: "about 16 s left" (under 90 s), "about 3 min left", "about 2 h 5 min left".</summary>
    internal static string FormatTimeLeft(TimeSpan left)
    {
        double seconds = Math.Clamp(left.TotalSeconds, 0, 1e9);
        long wholeSeconds = Math.Max(1, (long)Math.Round(seconds, MidpointRounding.AwayFromZero));
        if (wholeSeconds < 90) // Up to 89 s in seconds: "1 min" would hide half a minute.
        {
            return string.Create(CultureInfo.InvariantCulture, $"about {wholeSeconds} s left");
        }

        long minutes = Math.Max(1, (long)Math.Round(seconds / 60, MidpointRounding.AwayFromZero));
        if (minutes < 60)
        {
            return string.Create(CultureInfo.InvariantCulture, $"about {minutes} min left");
        }

        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0
            ? string.Create(CultureInfo.InvariantCulture, $"about {hours} h left")
            : string.Create(CultureInfo.InvariantCulture, $"about {hours} h {rest} min left");
    }

    private static string FormatRate(double rate) => rate switch
    {
        >= 1 or 0 => rate.ToString("N1", CultureInfo.InvariantCulture),
        >= 0.01 => rate.ToString("F2", CultureInfo.InvariantCulture),
        _ => rate.ToString("F3", CultureInfo.InvariantCulture),
    };

    private Stats Snapshot()
    {
        long here = Math.Min(Volatile.Read(ref _completed), _total - _alreadyDone);
        long done = _alreadyDone + here;
        long remaining = _total - done;
        double seconds = _time.GetElapsedTime(_start).TotalSeconds;
        double rate = here > 0 && seconds > 0 ? here / seconds : 0;
        int percent = _total == 0 ? 100 : (int)(done * 100 / _total);
        string left = remaining == 0 ? "done"
            : rate > 0 ? FormatTimeLeft(TimeSpan.FromSeconds(Math.Min(remaining / rate, 1e9)))
            : "estimating";
        return new Stats(done, percent, rate, left);
    }

    private void PrintPeriodicLine(long now)
    {
        if (!Monitor.TryEnter(_printLock))
        {
            return; // Another thread is printing this very line.
        }

        try
        {
            if (_finished || now < Volatile.Read(ref _nextLineAt))
            {
                return;
            }

            if (_alreadyDone + Volatile.Read(ref _completed) >= _total)
            {
                return; // The final line is on its way.
            }

            _output.WriteLine(PlainLine());
            _linePrinted = true;
            Volatile.Write(ref _nextLineAt, now + _intervalTicks);
        }
        finally
        {
            Monitor.Exit(_printLock);
        }
    }

    private void PrintFinalLine()
    {
        lock (_printLock)
        {
            if (_finished)
            {
                return;
            }

            _finished = true;
            if (_linePrinted || _time.GetElapsedTime(_start) >= FinalLineThreshold)
            {
                _output.WriteLine(PlainLine());
            }
        }
    }

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        // The caller said this is a terminal; for the real console still let Spectre detect what it supports.
        bool console = Terminal.IsConsole(output);
        IAnsiConsole created = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(TerminalWriter.Unwrap(output)), // The bar's cursor codes must reach the terminal.
            Ansi = console ? AnsiSupport.Detect : AnsiSupport.Yes,
            ColorSystem = console ? ColorSystemSupport.Detect : ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
        });
        return Terminal.Guard(created);
    }

    private void RunBar(IAnsiConsole console)
    {
        try
        {
            int barWidth = Math.Clamp(console.Profile.Width - 56, 10, 40);
            new Progress(console) { AutoRefresh = false, AutoClear = false, HideCompleted = false }
                .Columns(
                    new TaskDescriptionColumn(),
                    new ProgressBarColumn { Width = barWidth },
                    new TextColumn(this, s => string.Create(CultureInfo.InvariantCulture, $"{s.Done:N0}/{_total:N0}")),
                    new PercentageColumn(),
                    new TextColumn(this, s => FormatRate(s.Rate) + " runs/s"),
                    new TextColumn(this, s => s.Left))
                .Start(context =>
                {
                    ProgressTask task = context.AddTask("runs", autoStart: true, maxValue: Math.Max(1, _total));
                    using ITimer refresh = _time.CreateTimer(static owner => ((RunProgress)owner!).FrameDue(), this, RefreshInterval, RefreshInterval);
                    do
                    {
                        task.Value = _total == 0 ? 1 : Snapshot().Done;
                        context.Refresh();
                    }
                    while (WaitForNextFrame());

                    task.Value = _total == 0 ? 1 : Snapshot().Done; // Progress.Start draws this final state and leaves it.
                });
        }
#pragma warning disable CA1031 // A broken progress display must never stop the simulation.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>The refresh timer's callback; may still run once after the timer is disposed, which is harmless.</summary>
    private void FrameDue()
    {
        lock (_frameLock)
        {
            _frameDue = true;
            Monitor.Pulse(_frameLock);
        }
    }

    /// <summary>Waits for the refresh timer or for <see cref="Dispose"/>; false once the bar should stop.</summary>
    private bool WaitForNextFrame()
    {
        lock (_frameLock)
        {
            while (!_frameDue && !_stopping)
            {
                Monitor.Wait(_frameLock);
            }

            _frameDue = false;
            return !_stopping;
        }
    }

    private readonly record struct Stats(long Done, int Percent, double Rate, string Left);

    /// <summary>A progress column showing text computed from the reporter's own counters and clock.</summary>
    private sealed class TextColumn(RunProgress owner, Func<Stats, string> text) : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(text(owner.Snapshot()));
    }
}
