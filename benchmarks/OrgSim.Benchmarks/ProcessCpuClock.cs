using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace OrgSim.Benchmarks;

/// <summary>
/// A BenchmarkDotNet clock that reads the CPU time of the benchmark process (all its threads)
/// instead of the wall clock, in nanoseconds, for a machine shared with other jobs: time spent
/// waiting for a core while another job runs on it is not counted. It still counts what the
/// process does, spinning at barriers included, and a core's caches are still shared with the
/// other jobs. Linux only (clock_gettime(CLOCK_PROCESS_CPUTIME_ID)).
/// </summary>
public sealed class ProcessCpuClock : IClock
{
    private const int ClockProcessCpuTime = 2;

    /// <inheritdoc />
    public string Title => "ProcessCpu";

    /// <inheritdoc />
    public bool IsAvailable => OperatingSystem.IsLinux();

    /// <inheritdoc />
    public Frequency Frequency => new(1_000_000_000);

    /// <inheritdoc />
    public long GetTimestamp()
    {
        _ = ClockGetTime(ClockProcessCpuTime, out Timespec time);
        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
