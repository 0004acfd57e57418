using System.Diagnostics;
using OrgSim.Experiments.Benchmarking;

namespace OrgSim.Experiments.Tests.Benchmarking;

public class CpuActivityTests
{
    private const string Stat = """
        cpu  2152537 2391 165933 1059782 10692 0 3117 1132 0 0
        cpu0 1076000 1200 83000 529000 5300 0 1500 600 0 0
        cpu1 1076537 1191 82933 530782 5392 0 1617 532 0 0
        intr 123 0 0
        ctxt 456
        """;

    [Fact]
    public void Parse_AddsTheBusyFieldsAndCountsTheCpus()
    {
        CpuActivity activity = CpuActivity.Parse(Stat, TimeSpan.FromSeconds(3), 7)!;

        // user + nice + system + irq + softirq + steal; then idle + iowait on top.
        Assert.Equal(2152537 + 2391 + 165933 + 0 + 3117 + 1132, activity.BusyTicks);
        Assert.Equal(activity.BusyTicks + 1059782 + 10692, activity.TotalTicks);
        Assert.Equal((2, TimeSpan.FromSeconds(3), 7L), (activity.Cpus, activity.ProcessCpu, activity.Timestamp));
    }

    [Theory]
    [InlineData("")]
    [InlineData("cpu  1 2 3\n")]
    [InlineData("cpu  a b c d e f g h\n")]
    public void Parse_WithoutACpuLineOfNumbers_IsNull(string stat)
    {
        Assert.Null(CpuActivity.Parse(stat, TimeSpan.Zero, 0));
    }

    [Fact]
    public void OtherCores_IsTheMachinesBusyCoresLessThisProcesss()
    {
        // Over 2 s on 2 CPUs the machine was busy 300 of 400 ticks (1.5 cores); this process used 1 s of CPU (0.5 cores).
        var before = new CpuActivity(1000, 2000, 2, TimeSpan.Zero, 0);
        var after = new CpuActivity(1300, 2400, 2, TimeSpan.FromSeconds(1), 2 * Stopwatch.Frequency);

        Assert.Equal(1.0, CpuActivity.OtherCores(before, after)!.Value, 12);
    }

    [Fact]
    public void OtherCores_IsNeverNegative_AndNullForAnIntervalTooShortToTell()
    {
        var before = new CpuActivity(1000, 2000, 2, TimeSpan.Zero, 0);
        var ownWorkOnly = new CpuActivity(1100, 2400, 2, TimeSpan.FromSeconds(2), 2 * Stopwatch.Frequency); // Counters rounded below our own use.
        var tooSoon = new CpuActivity(1010, 2020, 2, TimeSpan.FromMilliseconds(10), Stopwatch.Frequency / 10);

        Assert.Equal(0, CpuActivity.OtherCores(before, ownWorkOnly));
        Assert.Null(CpuActivity.OtherCores(before, tooSoon));
    }
}
