using System.Globalization;
using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim run</c> and <c>orgsim sensitivity</c>: the options into a <see cref="RunRequest"/>, <see cref="RunJob"/>, then the summary and the exit code.</summary>
public static class RunCommand
{
    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(RunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var request = new RunRequest
        {
            Scenario = JobOutput.Scenario(options.Scenario, options.Set, options.Seed, options.Replicates),
            Out = options.Out,
            Overwrite = options.Overwrite,
            Only = options.Only,
            Shard = options.Shard,
            Shards = options.Shards,
            Environment = JobOutput.Environment(),
            Threads = options.Threads ?? Environment.ProcessorCount,
            NoReport = options.NoReport,
            Png = options.Png,
            Pptx = options.Pptx,
            RequireSensitivity = options is SensitivityOptions,
        };
        time ??= TimeProvider.System;
        long start = time.GetTimestamp();
        using var listener = new ConsoleRunListener(stdout, stderr, time);
        RunOutcome outcome = RunJob.Execute(request, listener, cancellation);
        if (outcome.Status != JobStatus.Success)
        {
            return JobOutput.Print(outcome, stdout, stderr);
        }

        SummaryTable.PrintAll(stdout, outcome);

        string seconds = time.GetElapsedTime(start).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
        stdout.WriteLine($"{outcome.RunsExecuted} {(outcome.RunsExecuted == 1 ? "run" : "runs")} in {seconds} s. Results in {outcome.Folder}{Path.DirectorySeparatorChar}");
        if (outcome.Unwritten is { } unwritten)
        {
            // Said before the table too; again here, last, where it is seen, and the exit code tells a script.
            stderr.WriteLine(unwritten);
            return ExitCodes.BadInput;
        }

        return ExitCodes.Success;
    }

    /// <summary>Prints what the job says while it runs, and the progress.</summary>
    private sealed class ConsoleRunListener(TextWriter stdout, TextWriter stderr, TimeProvider time) : RunListener, IDisposable
    {
        private RunProgress? _progress;

        public override void Say(string line) => stdout.WriteLine(line);

        public override void Note(string line) => stderr.WriteLine(line);

        public override void ProgressStarted(long total, long alreadyDone) =>
            _progress = new RunProgress(stdout, total, alreadyDone, RunProgress.IsInteractive(stdout), time);

        public override void RunCompleted() => _progress?.Completed();

        public override void ProgressEnded() => Dispose();

        public void Dispose()
        {
            _progress?.Dispose();
            _progress = null;
        }
    }
}
