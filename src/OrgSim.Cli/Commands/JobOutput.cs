using System.Globalization;
using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary>Prints what a job said and turns its status into the documented exit code.</summary>
internal static class JobOutput
{
    public static int Print(JobOutcome outcome, TextWriter stdout, TextWriter stderr)
    {
        foreach (string line in outcome.Errors)
        {
            stderr.WriteLine(line);
        }

        foreach (string line in outcome.Lines)
        {
            stdout.WriteLine(line);
        }

        return ExitCode(outcome.Status);
    }

    /// <summary><see cref="Print"/> for a job that may take minutes, with "Done in N s." after a success.</summary>
    public static int PrintTimed(Func<JobOutcome> job, TextWriter stdout, TextWriter stderr, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(stdout);
        time ??= TimeProvider.System;
        long start = time.GetTimestamp();
        int code = Print(job(), stdout, stderr);
        if (code == ExitCodes.Success)
        {
            stdout.WriteLine($"Done in {time.GetElapsedTime(start).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s.");
        }

        return code;
    }

    /// <summary>The process's environment, for a job that resolves a cluster's shard from it.</summary>
    public static IReadOnlyDictionary<string, string?> Environment() =>
        System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);

    public static int ExitCode(JobStatus status) => status switch
    {
        JobStatus.Success => ExitCodes.Success,
        JobStatus.Cancelled => ExitCodes.Cancelled,
        _ => ExitCodes.BadInput,
    };

    public static ScenarioInput Scenario(string file, IEnumerable<string> sets, ulong? seed = null, int? replicates = null) =>
        new(file, sets.ToList(), seed, replicates);
}
