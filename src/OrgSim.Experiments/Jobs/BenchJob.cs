using System.Diagnostics;
using System.Globalization;
using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Benchmarking;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Jobs;

/// <summary>
/// <c>orgsim bench</c>: build a network, warm the engine up, then step one simulation until the spread
/// ends, timing every tick, and report the ticks of early, mid and late spread, the memory kept and
/// the machine. Writes no file.
/// </summary>
/// <remarks>
/// Seeding as in the benchmarks (benchmarks/README.md): 5% of the agents at random (seed 42) in all four
/// competencies, at stage 2 with the full model and stage 3 with the classic one; the network and the
/// simulation have seed 42 too, so two runs on one machine step through the same states.
/// </remarks>
public static class BenchJob
{
    /// <summary>The seed of the network, the seeding and the simulation.</summary>
    public const ulong Seed = 42;

    /// <summary>
    /// Ticks timed per phase; each phase reports their median. In a long spread they are the phase's first
    /// week and the weeks after it; in a short one, where those would reach into the next phase, the phase's
    /// week in this many runs from the seeds (the run and its replays).
    /// </summary>
    public const int TicksPerPhase = 5;

    /// <summary>The hierarchy's span of control, as in the benchmarks.</summary>
    public const int HierarchySpan = 8;

    /// <summary>The hierarchy's cross-team ties per agent, as in the benchmarks.</summary>
    public const int HierarchyCrossTeamTies = 2;

    /// <summary>The classic model's fixed fractional threshold.</summary>
    public const double ClassicThreshold = 0.18;

    private const int ProgressEveryWeeks = 50;
    private const double BusyCores = 0.5; // Other processes' work, in cores on average, above which the timings are noisy.
    private const int WarmUpAgents = 20_000;
    private const double WarmUpMaxDegree = 50; // The tick's code is the same for any degree; a dense warm-up network would only be slow to build.

    /// <summary>Executes <paramref name="request"/>; progress lines and warnings go to <paramref name="note"/> as they happen.</summary>
    public static BenchOutcome Execute(BenchRequest request, Action<string> note, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(note);
        if (Check(request) is { Count: > 0 } problems)
        {
            return BenchOutcome.BadInput(problems);
        }

        MachineDescription machine = MachineDescription.Current();
        var warnings = new List<string>();
        if (!machine.ReleaseBuild)
        {
            warnings.Add("THIS IS A DEBUG BUILD: its timings mean nothing; build with -c Release (dotnet run --project src/OrgSim.Cli -c Release -- bench)");
        }

        if (request.Threads > machine.Cores)
        {
            warnings.Add($"{request.Threads} threads on {machine.Cores} cores: the threads take turns, so a tick is slower than with {machine.Cores}");
        }

        foreach (string warning in warnings)
        {
            note($"orgsim bench: warning: {warning}");
        }

        try
        {
            return Measure(request, machine, warnings, note, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return new BenchOutcome(JobStatus.Cancelled, [], ["orgsim: cancelled; nothing was measured in full"]);
        }
        catch (OutOfMemoryException)
        {
            return new BenchOutcome(JobStatus.BadInput, [], [$"orgsim: not enough memory for {request.Agents:N0} agents on this machine; give fewer --agents"]);
        }
    }

    private static BenchOutcome Measure(BenchRequest request, MachineDescription machine, List<string> warnings, Action<string> note, CancellationToken cancellation)
    {
        void Warn(string warning)
        {
            warnings.Add(warning);
            note($"orgsim bench: warning: {warning}");
        }

        bool classic = request.Model == "classic";
        double? degree = request.Network == "erdos-renyi" ? request.Degree ?? BenchRequest.DefaultDegree : null;
        note(degree is { } d
            ? $"orgsim bench: building an Erdős–Rényi network of {request.Agents:N0} agents, mean degree {Number(d)}"
            : $"orgsim bench: building a hierarchy of {request.Agents:N0} agents (span {HierarchySpan}, {HierarchyCrossTeamTies} cross-team ties per agent)");
        long start = Stopwatch.GetTimestamp();
        OrgGraph graph = Build(request.Agents, degree, cancellation);
        double buildSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        cancellation.ThrowIfCancellationRequested();

        ModelParameters parameters = classic ? ClassicParameters() : new ModelParameters();
        Stage seedStage = classic ? Stage.UnconsciousCompetence : Stage.ConsciousCompetence;
        Stage competentStage = classic ? Stage.UnconsciousCompetence : Stage.ConsciousCompetence;
        note($"orgsim bench: built in {Number(buildSeconds)} s, {graph.EdgeCount:N0} directed edges; warming up");
        int warmUpAgents = Math.Min(graph.NodeCount, Math.Max(WarmUpAgents, request.Threads * 1024));
        OrgGraph warmUpGraph = warmUpAgents == graph.NodeCount ? graph : Build(warmUpAgents, degree is { } d2 ? Math.Min(d2, WarmUpMaxDegree) : null, cancellation);
        WarmUp warmUp = WarmUp.Run(warmUpGraph, parameters, Seeds(warmUpGraph), seedStage, request.Threads, Seed, cancellation);
        if (!warmUp.JitSettled)
        {
            Warn($"the just-in-time compiler was still compiling after {warmUp.Ticks:N0} weeks of the warm-up ({Number(warmUp.Seconds)} s), maybe for another thread of this process: the first timed ticks may be slower");
        }

        int[] seeds = Seeds(graph);

        // The simulation's footprint: the heap after a full collection, before and after constructing it.
        long before = GC.GetTotalMemory(forceFullCollection: true);
        using var simulation = new Simulation(graph, parameters, Seed, request.Threads);
        string engine = simulation.UsesClassicKernel ? "classic kernel" : "general";
        long simulationBytes = Math.Max(0, GC.GetTotalMemory(forceFullCollection: true) - before);
        simulation.Seed(seeds, CompetencySet.All, seedStage);

        note($"orgsim bench: timing every week until the spread ends (at most {SpreadEnd.MaxWeeks} weeks)");
        CpuActivity? activityBefore = CpuActivity.Read();
        var log = new TickLog(simulation, competentStage);
        string? end = null;
        while (end is null)
        {
            cancellation.ThrowIfCancellationRequested();
            log.Step();
            end = SpreadEnd.Reason(log.CompetentShares, log.QuietWeeks);
            if (log.Weeks % ProgressEveryWeeks == 0)
            {
                note($"orgsim bench: week {log.Weeks}, {Percent(log.CompetentShares[^1])} of agent-competency pairs competent");
            }
        }

        int weeks = log.Weeks;
        double finalShare = log.CompetentShares[^1];
        SpreadPhases phases = SpreadPhases.Find(log.CompetentShares, TicksPerPhase);
        bool replayed = phases.Mid < phases.Early + TicksPerPhase || phases.Late < phases.Mid + TicksPerPhase;
        ByPhase<PhaseTiming> timings;
        if (!replayed)
        {
            StepTo(log, phases.Late + TicksPerPhase - 1, cancellation);
            timings = new ByPhase<PhaseTiming>(log.Phase(phases.Early, TicksPerPhase), log.Phase(phases.Mid, TicksPerPhase), log.Phase(phases.Late, TicksPerPhase));
        }
        else
        {
            note($"orgsim bench: the spread took {weeks} weeks; timing weeks {phases.Early}, {phases.Mid} and {phases.Late} in {TicksPerPhase} runs from the seeds");
            StepTo(log, phases.Late, cancellation);
            var replays = new List<TickLog> { log };
            while (replays.Count < TicksPerPhase)
            {
                replays.Add(Replay(graph, parameters, seeds, seedStage, competentStage, request.Threads, phases.Late, cancellation));
            }

            IEnumerable<double> states = log.CompetentShares.Take(phases.Late + 1);
            if (replays.Skip(1).Any(r => !r.CompetentShares.SequenceEqual(states)))
            {
                Warn("a replay of the run did not pass through the same states: the engine is not deterministic here; please report it");
            }

            timings = new ByPhase<PhaseTiming>(TickLog.Replayed(replays, phases.Early), TickLog.Replayed(replays, phases.Mid), TickLog.Replayed(replays, phases.Late));
        }

        CpuActivity? activityAfter = activityBefore is null ? null : CpuActivity.Read();
        double? otherCores = activityBefore is not null && activityAfter is not null ? CpuActivity.OtherCores(activityBefore, activityAfter) : null;
        string? otherCoresUnknown = otherCores is not null ? null
            : activityBefore is null || activityAfter is null ? "no readable /proc/stat: not Linux"
            : string.Create(CultureInfo.InvariantCulture, $"the timed ticks took under {CpuActivity.ShortestInterval.TotalSeconds:0} s, too short for /proc/stat");
        if (otherCores >= BusyCores)
        {
            Warn($"other processes kept {Number(otherCores.Value)} of the {machine.Cores} cores busy, on average, while the ticks were timed: the timings are noisy (CPU ms per tick well below ms per tick × threads shows it)");
        }

        MemoryFootprint memory = Footprint(graph, simulationBytes);
        var report = new BenchReport(
            RunManifest.ToolVersion,
            graph.NodeCount,
            graph.EdgeCount,
            request.Threads,
            request.Model,
            engine,
            request.Network,
            degree,
            buildSeconds,
            new ByPhase<double>(timings.Early.MsPerTick, timings.Mid.MsPerTick, timings.Late.MsPerTick),
            new ByPhase<double>(timings.Early.CpuMsPerTick, timings.Mid.CpuMsPerTick, timings.Late.CpuMsPerTick),
            BenchReport.EdgeVisitsPerSecondOf(graph.EdgeCount, timings.Mid.MsPerTick),
            memory.GraphBytesPerAgent + memory.SimulationBytesPerAgent,
            memory.GraphBytesPerEdge,
            memory,
            timings,
            TicksPerPhase,
            replayed ? "replays" : "consecutive weeks",
            weeks,
            end,
            log.CompetentShares[0],
            finalShare,
            phases.Spread,
            otherCores,
            otherCoresUnknown,
            warmUp,
            machine,
            warnings);
        note($"orgsim bench: done after {log.Weeks} weeks ({end})");
        return request.Json
            ? new BenchOutcome(JobStatus.Success, report.ToJson().Split('\n'), []) { Report = report }
            : new BenchOutcome(JobStatus.Success, BenchTables.Notes(report), []) { Report = report, Tables = BenchTables.Build(report) };
    }

    /// <summary>Every problem with the options, one line each, naming the option and what to give.</summary>
    private static List<string> Check(BenchRequest request)
    {
        var problems = new List<string>();
        if (request.Agents is < BenchRequest.MinAgents or > BenchRequest.MaxAgents)
        {
            problems.Add($"orgsim: --agents is {request.Agents:N0}; give a whole number from {BenchRequest.MinAgents:N0} to {BenchRequest.MaxAgents:N0}");
        }

        if (!BenchRequest.Models.Contains(request.Model))
        {
            problems.Add($"orgsim: --model is '{request.Model}'; use {string.Join(" or ", BenchRequest.Models)}" + Near(request.Model, BenchRequest.Models));
        }

        if (!BenchRequest.Networks.Contains(request.Network))
        {
            problems.Add($"orgsim: --network is '{request.Network}'; use {string.Join(" or ", BenchRequest.Networks)}" + Near(request.Network, BenchRequest.Networks));
        }
        else if (request.Network == "hierarchy" && request.Degree is not null)
        {
            problems.Add($"orgsim: --degree is for --network erdos-renyi; the hierarchy's ties come from its shape (span {HierarchySpan}, {HierarchyCrossTeamTies} cross-team ties per agent: about 11 directed edges per agent)");
        }
        else if (request.Network == "hierarchy" && request.Agents > HierarchyOptions.MaxAgents && request.Agents <= BenchRequest.MaxAgents)
        {
            problems.Add($"orgsim: --agents is {request.Agents:N0}; the hierarchy has at most {HierarchyOptions.MaxAgents:N0} agents (--network erdos-renyi has up to {BenchRequest.MaxAgents:N0})");
        }
        else if (request.Network == "erdos-renyi" && request.Degree is { } degree)
        {
            long edges = 2 * (long)Math.Round(request.Agents * degree / 2.0, MidpointRounding.AwayFromZero);
            if (!(degree > 0) || degree > request.Agents - 1)
            {
                // A value past double's range (1e400) reads as infinity: say it is out of range, not "Infinity".
                string given = double.IsNaN(degree) ? "is not a number" : double.IsFinite(degree) ? $"is {Number(degree)}" : "is out of range";
                problems.Add($"orgsim: --degree {given}; give a mean degree above 0 and at most {Math.Max(1, request.Agents - 1):N0} (--agents − 1), e.g. 10");
            }
            else if (edges > Array.MaxLength)
            {
                problems.Add($"orgsim: --agents × --degree is {edges:N0} directed edges; a network holds at most {Array.MaxLength:N0}: give fewer --agents or a lower --degree");
            }
        }

        if (request.Threads is < 1 or > BenchRequest.MaxThreads)
        {
            problems.Add($"orgsim: --threads is {request.Threads}; give a whole number from 1 to {BenchRequest.MaxThreads}");
        }

        return problems;
    }

    /// <summary>
    /// The synchronous fractional-threshold (Watts) model, as in scenarios/classic-threshold.yaml: no
    /// learning, habits always deploy, and every kind of tie equally strong (weight 1, one interaction a
    /// week), so that every agent compares a count of adopting contacts with its threshold.
    /// </summary>
    private static ModelParameters ClassicParameters() => new()
    {
        Learning = false,
        DeployProbabilityHabit = 1,
        Adoption = AdoptionRule.FractionalThreshold,
        Threshold = ThresholdDistribution.Fixed(ClassicThreshold),
        Relationships = EdgeTypes.All.Aggregate(new Relationships(), (r, type) => r.With(type, new Relationship(1, 1))),
    };

    /// <summary>The run stepped again from the seeds to <paramref name="weeks"/>, on a simulation of its own.</summary>
    private static TickLog Replay(OrgGraph graph, ModelParameters parameters, int[] seeds, Stage seedStage, Stage competentStage, int threads, int weeks, CancellationToken cancellation)
    {
        using var simulation = new Simulation(graph, parameters, Seed, threads);
        simulation.Seed(seeds, CompetencySet.All, seedStage);
        var log = new TickLog(simulation, competentStage);
        StepTo(log, weeks, cancellation);
        return log;
    }

    private static void StepTo(TickLog log, int week, CancellationToken cancellation)
    {
        while (log.Weeks < week)
        {
            cancellation.ThrowIfCancellationRequested();
            log.Step();
        }
    }

    /// <summary>The network: the benchmarks' hierarchy, or Erdős–Rényi with mean degree <paramref name="degree"/>.</summary>
    private static OrgGraph Build(int agents, double? degree, CancellationToken cancellation) => degree is { } meanDegree
        ? ClassicNetworks.ErdosRenyi(agents, meanDegree, Seed, cancellation)
        : HierarchyGenerator.Generate(new HierarchyOptions { Agents = agents, Span = HierarchySpan, CrossTeamTiesPerAgent = HierarchyCrossTeamTies }, Seed, cancellation);

    /// <summary>5% of the agents (at least one), drawn at random with the benchmarks' seed.</summary>
    private static int[] Seeds(OrgGraph graph) => SeedSelector.Select(graph, SeedingStrategy.Random, Math.Max(1, graph.NodeCount / 20), Seed);

    /// <summary>The graph's bytes split into per-edge (target and type, and weight if stored) and per-agent parts, and the simulation's.</summary>
    private static MemoryFootprint Footprint(OrgGraph graph, long simulationBytes)
    {
        int perEdge = graph.HasUnitWeights ? 5 : 9;
        long edgeBytes = (long)graph.EdgeCount * perEdge;
        double agents = graph.NodeCount;
        long peak;
        using (var process = Process.GetCurrentProcess())
        {
            peak = process.PeakWorkingSet64;
        }

        return new MemoryFootprint(
            graph.SizeInBytes,
            (graph.SizeInBytes - edgeBytes) / agents,
            graph.EdgeCount == 0 ? 0 : perEdge,
            simulationBytes,
            simulationBytes / agents,
            graph.SizeInBytes + simulationBytes,
            peak);
    }

    private static string Near(string given, IEnumerable<string> names) =>
        NameSuggester.Suggest(given, names) is { } near ? $" (did you mean '{near}'?)" : string.Empty;

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Percent(double share) => share.ToString("P1", CultureInfo.InvariantCulture);
}
