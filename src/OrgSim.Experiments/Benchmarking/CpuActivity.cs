using System.Diagnostics;
using System.Globalization;

namespace OrgSim.Experiments.Benchmarking;

/// <summary>
/// One reading of the machine's processor counters (Linux <c>/proc/stat</c>) and of this process's
/// processor time: two of them tell how many cores other processes kept busy in between, which is
/// what makes timings on a shared machine noisy.
/// </summary>
/// <param name="BusyTicks">Time all CPUs spent on work (user, nice, system, irq, softirq, steal), in clock ticks.</param>
/// <param name="TotalTicks">All time of all CPUs (busy, idle and waiting for I/O), in clock ticks.</param>
/// <param name="Cpus">The CPUs <c>/proc/stat</c> lists.</param>
/// <param name="ProcessCpu">This process's processor time so far, every thread's.</param>
/// <param name="Timestamp">When it was read (<see cref="Stopwatch.GetTimestamp"/>).</param>
public sealed record CpuActivity(long BusyTicks, long TotalTicks, int Cpus, TimeSpan ProcessCpu, long Timestamp)
{
    /// <summary>The shortest interval <see cref="OtherCores"/> judges: the counters move in hundredths of a second.</summary>
    public static readonly TimeSpan ShortestInterval = TimeSpan.FromSeconds(1);

    /// <summary>Reads the counters now; null where there is no readable <c>/proc/stat</c> under <paramref name="root"/>.</summary>
    public static CpuActivity? Read(string root = "/")
    {
        TimeSpan process = Environment.CpuUsage.TotalTime;
        long now = Stopwatch.GetTimestamp();
        try
        {
            string stat = Path.Combine(root, "proc", "stat");
            return File.Exists(stat) ? Parse(File.ReadAllText(stat), process, now) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The reading in the text of <c>/proc/stat</c>; null if it has no "cpu" line of numbers.</summary>
    public static CpuActivity? Parse(string stat, TimeSpan processCpu, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(stat);
        string[] lines = stat.Split('\n');
        string? all = lines.FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        long[] fields = all?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? v : -1).ToArray() ?? [];
        if (fields.Length < 8 || fields.Any(f => f < 0))
        {
            return null;
        }

        // user nice system idle iowait irq softirq steal (guest time is already in user).
        long busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7];
        int cpus = lines.Count(l => l.Length > 3 && l.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(l[3]));
        return new CpuActivity(busy, busy + fields[3] + fields[4], Math.Max(1, cpus), processCpu, timestamp);
    }

    /// <summary>
    /// The cores other processes kept busy on average from <paramref name="before"/> to <paramref name="after"/>:
    /// the machine's busy cores less this process's. Null for an interval under <see cref="ShortestInterval"/>.
    /// </summary>
    public static double? OtherCores(CpuActivity before, CpuActivity after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        TimeSpan wall = Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp);
        long total = after.TotalTicks - before.TotalTicks;
        if (wall < ShortestInterval || total <= 0)
        {
            return null;
        }

        double machine = (after.BusyTicks - before.BusyTicks) / (double)total * after.Cpus;
        double ours = (after.ProcessCpu - before.ProcessCpu) / wall;
        return Math.Max(0, machine - ours);
    }
}
