using System.Globalization;
using OrgSim.Experiments.Benchmarking;

namespace OrgSim.Experiments.Jobs;

/// <summary>What <c>orgsim bench</c> prints without <c>--json</c>: the run, the ticks by phase, the memory and the machine.</summary>
public static class BenchTables
{
    /// <summary>The four tables of <paramref name="r"/>.</summary>
    public static IReadOnlyList<TextTable> Build(BenchReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        string network = r.Degree is { } degree ? $"Erdős–Rényi, mean degree {F(degree, 2)}" : $"hierarchy, span {BenchJob.HierarchySpan}, {BenchJob.HierarchyCrossTeamTies} cross-team ties per agent";
        string model = r.Model == "classic" ? $"classic (fractional threshold {F(BenchJob.ClassicThreshold, 2)}, no learning)" : "full (default parameters)";
        IReadOnlyList<IReadOnlyList<string>> run =
        [
            Row("agents", N(r.Agents)),
            Row("directed edges", $"{N(r.Edges)} ({F((double)r.Edges / r.Agents, 2)} per agent)"),
            Row("network", network),
            Row("model", model),
            Row("engine", r.Engine),
            Row("threads", N(r.Threads)),
            Row("network built in", $"{F(r.NetworkBuildSeconds, 2)} s"),
            Row("warm-up (throwaway simulation)", $"{N(r.WarmUp.Ticks)} weeks on {N(r.WarmUp.Agents)} agents, {F(r.WarmUp.Seconds, 2)} s, " + (r.WarmUp.JitSettled ? "JIT settled" : "JIT still compiling")),
            Row("weeks until the spread ended", $"{N(r.Weeks)} ({r.End}), competent {Percent(r.SeededShare)} → {Percent(r.FinalShare)}"),
            Row("edge visits per second (mid spread)", r.EdgeVisitsPerSecond is { } rate ? N((long)rate) : Unrated),
            Row("bytes per agent / per directed edge", $"{F(r.BytesPerAgent, 1)} / {F(r.BytesPerEdge, 1)}"),
            Row("cores other processes kept busy while timing", r.OtherWorkCores is { } other ? F(other, 2) : $"unknown ({r.OtherWorkCoresUnknown})"),
        ];

        var phases = r.Phases.Named().Select(p => (IReadOnlyList<string>)
        [
            p.Name,
            p.Value.FirstWeek == p.Value.LastWeek ? N(p.Value.FirstWeek) : $"{p.Value.FirstWeek}–{p.Value.LastWeek}",
            Percent(p.Value.CompetentShare),
            string.Join(" / ", p.Value.StageShares.Select(s => F(s, 2))),
            Ms(p.Value.MsPerTick),
            Ms(p.Value.CpuMsPerTick),
            BenchReport.EdgeVisitsPerSecondOf(r.Edges, p.Value.MsPerTick) is { } rate ? N((long)rate) : Unrated,
        ]).ToList();

        MemoryFootprint m = r.Memory;
        IReadOnlyList<IReadOnlyList<string>> memory =
        [
            ["graph (OrgGraph.SizeInBytes)", N(m.GraphBytes), F(m.GraphBytesPerAgent, 1), F(m.GraphBytesPerEdge, 1)],
            ["simulation (measured on the heap)", N(m.SimulationBytes), F(m.SimulationBytesPerAgent, 1), "0"],
            ["total", N(m.TotalBytes), F(r.BytesPerAgent, 1), F(r.BytesPerEdge, 1)],
            ["peak working set of the process", m.PeakWorkingSetBytes > 0 ? N(m.PeakWorkingSetBytes) : "unknown", string.Empty, string.Empty],
        ];

        MachineDescription c = r.Machine;
        IReadOnlyList<IReadOnlyList<string>> machine =
        [
            Row("cores", N(c.Cores)),
            Row("processor", c.Cpu),
            Row("caches L1d / L2 / L3 (first core)", $"{Size(c.L1dBytes)} / {Size(c.L2Bytes)} / {Size(c.L3Bytes)}"),
            Row("memory available to .NET", Size(c.MemoryBytes)),
            Row("operating system", c.Os),
            Row("runtime", $"{c.Runtime}, {c.Architecture}, {c.VectorBits}-bit vectors, {c.Gc} GC"),
            Row("build", c.ReleaseBuild ? "Release" : "DEBUG: these timings mean nothing; use -c Release"),
            Row("orgsim", r.OrgsimVersion),
        ];

        return
        [
            new TextTable("orgsim bench", ["", "value"], [false, false], run),
            new TextTable(r.PhaseTicks == "replays" ? $"Time per tick: each phase's week, median of {r.TicksPerPhase} runs (a short spread)" : $"Time per tick: median of {r.TicksPerPhase} weeks per phase", ["phase", "weeks", "competent", "stages 0 / 1 / 2 / 3", "ms per tick", "CPU ms per tick", "edge visits per second"], [false, false, true, false, true, true, true], phases),
            new TextTable("Memory kept", ["part", "bytes", "per agent", "per directed edge"], [false, true, true, true], memory),
            new TextTable("Machine", ["", "value"], [false, false], machine),
        ];
    }

    /// <summary>The lines under the tables: what the phases and the rates mean, and any warning.</summary>
    public static IReadOnlyList<string> Notes(BenchReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var lines = new List<string>
        {
            "Phases: early is week 1, the first tick after seeding 5% of the agents; mid the first week that starts with half of what the spread added, late the first that starts with nine tenths. "
                + (r.PhaseTicks == "replays"
                    ? $"The spread took {r.Weeks} weeks, too few for {r.TicksPerPhase} weeks per phase, so each phase's week was timed in the run and in {r.TicksPerPhase - 1} replays of it from the seeds (the same states each time). "
                    : $"Each phase is timed over its first {r.TicksPerPhase} weeks. ")
                + "Competent: stage 2 or 3 (full model), stage 3 (classic), as a share of agent-competency pairs when the phase's first week began.",
            "Edge visits per second: directed edges divided by the seconds of a tick, as if every tick read every edge once; the engine skips the contacts of agents that need no look, so it is a nominal rate.",
        };
        if (!r.Spread)
        {
            lines.Add($"The seeds did not spread (competent {Percent(r.SeededShare)} at the start and {Percent(r.FinalShare)} at the end): the phases are the run's start, middle and end"
                + (r.Phases.Mid.FirstWeek == r.Phases.Late.FirstWeek ? ", and the run was too short for its middle and end to differ: their rows are the same weeks." : "."));
        }
        else if (r.Phases.Mid.FirstWeek == r.Phases.Late.FirstWeek)
        {
            // Both start the week after the one that crossed both thresholds; the rows look duplicated without this.
            int crossed = r.Phases.Mid.FirstWeek - 1;
            lines.Add($"Mid and late spread are the same {(r.Phases.Mid.FirstWeek == r.Phases.Mid.LastWeek ? "week" : "weeks")}, so their rows are equal: week {crossed} took the competent share past both half and nine tenths of what the spread added"
                + (crossed >= r.Weeks ? $", and it was the run's last ({r.End}), so they time weeks after the spread had ended." : "."));
        }

        if (new[] { r.Phases.Early, r.Phases.Mid, r.Phases.Late }.Any(p => BenchReport.EdgeVisitsPerSecondOf(r.Edges, p.MsPerTick) is null))
        {
            lines.Add($"A tick under a microsecond ({Ms(0)} ms) did next to no work (no agent needed a look) and is too short to time: no rate is given for it ({Unrated}).");
        }

        lines.AddRange(r.Warnings.Select(w => $"Warning: {w}."));
        return lines;
    }

    private static IReadOnlyList<string> Row(string name, string value) => [name, value];

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>What a rate shows for a tick under <see cref="BenchReport.ShortestRatedTickMs"/>.</summary>
    private const string Unrated = "—";

    private static string Ms(double ms) => ms < BenchReport.ShortestRatedTickMs ? "< 0.001" : F(ms, ms < 1 ? 3 : ms < 10 ? 2 : 1);

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    private static string Size(long? bytes) => bytes switch
    {
        null => "unknown",
        >= 1L << 30 => $"{F(bytes.Value / (double)(1L << 30), 1)} GiB",
        >= 1L << 20 => $"{F(bytes.Value / (double)(1L << 20), 1)} MiB",
        _ => $"{F(bytes.Value / 1024.0, 0)} KiB",
    };
}
