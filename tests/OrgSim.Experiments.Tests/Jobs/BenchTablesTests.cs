using System.Text.Json;
using OrgSim.Experiments.Benchmarking;
using OrgSim.Experiments.Jobs;

namespace OrgSim.Experiments.Tests.Jobs;

/// <summary>What <c>orgsim bench</c> prints for reports made by hand: the wording, not the machine's numbers.</summary>
public class BenchTablesTests
{
    [Fact]
    public void ATickUnderAMicrosecond_IsShownAsSuch_AndGetsNoRate()
    {
        // 10^6 edges over the timer's 1 ns floor printed 1,000,000,000,000,000 edge visits per second.
        BenchReport report = Report(midMs: 0.2, lateMs: 1e-6);

        var phases = BenchTables.Build(report)[1].Rows;
        Assert.Equal(["mid", "5,000,000,000"], new[] { phases[1][0], phases[1][6] });
        Assert.Equal(["late", "< 0.001", "—"], new[] { phases[2][0], phases[2][4], phases[2][6] });
        Assert.Contains(BenchTables.Notes(report), n => n.StartsWith("A tick under a microsecond", StringComparison.Ordinal));
        Assert.DoesNotContain(BenchTables.Notes(Report(midMs: 0.2, lateMs: 0.1)), n => n.StartsWith("A tick under a microsecond", StringComparison.Ordinal));
    }

    [Fact]
    public void AMidSpreadTickUnderAMicrosecond_HasNoRateInTheJson()
    {
        BenchReport report = Report(midMs: 1e-6, lateMs: 1e-6) with { EdgeVisitsPerSecond = BenchReport.EdgeVisitsPerSecondOf(1_000_000, 1e-6) };

        using JsonDocument json = JsonDocument.Parse(report.ToJson());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("edge_visits_per_second").ValueKind);
        Assert.Equal("—", BenchTables.Build(report)[0].Rows.Single(r => r[0] == "edge visits per second (mid spread)")[1]);
    }

    [Fact]
    public void EqualMidAndLateRows_AreExplained()
    {
        // Week 7 took the share past half and nine tenths of the gain; it was the run's last week.
        BenchReport report = Report(midMs: 0.2, lateMs: 0.2, midWeek: 8, lateWeek: 8, weeks: 7, end: "every agent competent");

        string note = Assert.Single(BenchTables.Notes(report), n => n.StartsWith("Mid and late", StringComparison.Ordinal));
        Assert.Equal("Mid and late spread are the same week, so their rows are equal: week 7 took the competent share past both half and nine tenths of what the spread added, and it was the run's last (every agent competent), so they time weeks after the spread had ended.", note);
        Assert.DoesNotContain(BenchTables.Notes(Report(midMs: 0.2, lateMs: 0.2)), n => n.StartsWith("Mid and late", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownOtherWork_SaysWhy()
    {
        BenchReport report = Report(midMs: 0.2, lateMs: 0.1) with { OtherWorkCores = null, OtherWorkCoresUnknown = "the timed ticks took under 1 s, too short for /proc/stat" };

        Assert.Equal("unknown (the timed ticks took under 1 s, too short for /proc/stat)", BenchTables.Build(report)[0].Rows.Single(r => r[0].StartsWith("cores other", StringComparison.Ordinal))[1]);
    }

    [Fact]
    public void TheWarmUp_IsCountedInWeeksOfItsThrowawaySimulation()
    {
        Assert.Equal("175 weeks on 20,000 agents, 1.23 s, JIT settled", BenchTables.Build(Report(0.2, 0.1))[0].Rows.Single(r => r[0] == "warm-up (throwaway simulation)")[1]);
    }

    /// <summary>A replayed short spread on 10^5 agents and 10^6 edges: weeks 1, <paramref name="midWeek"/> and <paramref name="lateWeek"/> timed.</summary>
    private static BenchReport Report(double midMs, double lateMs, int midWeek = 3, int lateWeek = 5, int weeks = 9, string end = "quiescent")
    {
        PhaseTiming Phase(int week, double ms) => new(week, week, 0.5, [0.5, 0, 0, 0.5], ms, ms, [ms, ms, ms, ms, ms]);
        var phases = new ByPhase<PhaseTiming>(Phase(1, 0.3), Phase(midWeek, midMs), Phase(lateWeek, lateMs));
        var machine = new MachineDescription(2, "cpu", null, null, null, 1L << 30, "os", ".NET", "X64", 256, "workstation", true);
        return new BenchReport(
            "0.1.0", 100_000, 1_000_000, 2, "classic", "classic kernel", "erdos-renyi", 20, 0.5,
            new ByPhase<double>(0.3, midMs, lateMs), new ByPhase<double>(0.3, midMs, lateMs),
            BenchReport.EdgeVisitsPerSecondOf(1_000_000, midMs), 60, 5,
            new MemoryFootprint(5_000_000, 25, 5, 1_000_000, 10, 6_000_000, 100_000_000),
            phases, 5, "replays", weeks, end, 0.05, 0.99, true, 0.1, null,
            new WarmUp(20_000, 175, 1.23, true), machine, []);
    }
}
