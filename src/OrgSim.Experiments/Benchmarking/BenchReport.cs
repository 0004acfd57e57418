using System.Text.Encodings.Web;
using System.Text.Json;

namespace OrgSim.Experiments.Benchmarking;

/// <summary>What <c>orgsim bench</c> measured; <see cref="ToJson"/> gives the object <c>--json</c> prints, keys in snake case.</summary>
/// <param name="OrgsimVersion">The version of orgsim that measured it.</param>
/// <param name="Agents">Agents in the organisation.</param>
/// <param name="Edges">Directed edges (twice the ties).</param>
/// <param name="Threads">Worker threads asked for.</param>
/// <param name="Model">"full" or "classic".</param>
/// <param name="Engine">"classic kernel" when the weeks were stepped by the classic kernel (docs/model.md), else "general".</param>
/// <param name="Network">"hierarchy" or "erdos-renyi".</param>
/// <param name="Degree">The mean degree of an Erdős–Rényi network; null for the hierarchy.</param>
/// <param name="NetworkBuildSeconds">Wall time to generate the network.</param>
/// <param name="MsPerTick">The median wall time of a tick in each phase, in milliseconds.</param>
/// <param name="CpuMsPerTick">The median processor time of a tick in each phase (all threads), in milliseconds.</param>
/// <param name="EdgeVisitsPerSecond">A nominal sweep rate: <see cref="Edges"/> divided by the median seconds of a tick at mid spread, as if a tick read every directed edge once; null when that tick took under <see cref="ShortestRatedTickMs"/>.</param>
/// <param name="BytesPerAgent">Graph (its per-agent part) and simulation, per agent.</param>
/// <param name="BytesPerEdge">Graph bytes per directed edge.</param>
/// <param name="Memory">The parts of the footprint.</param>
/// <param name="Phases">The timed ticks of each phase and the state they started from.</param>
/// <param name="TicksPerPhase">Ticks timed per phase.</param>
/// <param name="PhaseTicks">"consecutive weeks": each phase's first week and the weeks after it; or "replays" (a spread too short for that): the phase's one week, in the run and in replays of it from the seeds.</param>
/// <param name="Weeks">Weeks stepped until the spread ended (<see cref="End"/>), not counting the extra weeks that complete the late window.</param>
/// <param name="End">Why the run stopped: see <see cref="SpreadEnd"/>.</param>
/// <param name="SeededShare">The competent share of agent–competency pairs after seeding.</param>
/// <param name="FinalShare">The competent share when the run stopped.</param>
/// <param name="Spread">Whether the competent share rose at all; if not, the phases are the run's start, middle and end.</param>
/// <param name="OtherWorkCores">The cores other processes kept busy, on average, while the ticks were timed (Linux <c>/proc/stat</c>); null elsewhere or when the timing took under a second. At 0.5 or more the timings are noisy.</param>
/// <param name="OtherWorkCoresUnknown">Why <see cref="OtherWorkCores"/> is null (no <c>/proc/stat</c>, or too short a timing); null when it is known.</param>
/// <param name="WarmUp">The warm-up before timing.</param>
/// <param name="Machine">The machine.</param>
/// <param name="Warnings">Why these numbers may mislead (a Debug build, a JIT that had not settled), one line each.</param>
public sealed record BenchReport(
    string OrgsimVersion,
    int Agents,
    long Edges,
    int Threads,
    string Model,
    string Engine,
    string Network,
    double? Degree,
    double NetworkBuildSeconds,
    ByPhase<double> MsPerTick,
    ByPhase<double> CpuMsPerTick,
    double? EdgeVisitsPerSecond,
    double BytesPerAgent,
    double BytesPerEdge,
    MemoryFootprint Memory,
    ByPhase<PhaseTiming> Phases,
    int TicksPerPhase,
    string PhaseTicks,
    int Weeks,
    string End,
    double SeededShare,
    double FinalShare,
    bool Spread,
    double? OtherWorkCores,
    string? OtherWorkCoresUnknown,
    WarmUp WarmUp,
    MachineDescription Machine,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// The shortest tick a rate is derived from, in milliseconds (a microsecond). A tick that short did
    /// next to no work (no agent needed a look, as once a threshold cascade is over); the timer's own
    /// cost is of its order, and edges over it gave rates of 10^12 a second and more.
    /// </summary>
    public const double ShortestRatedTickMs = 0.001;

    /// <summary><paramref name="edges"/> over the seconds of a tick of <paramref name="msPerTick"/>; null for a tick under <see cref="ShortestRatedTickMs"/>.</summary>
    public static double? EdgeVisitsPerSecondOf(long edges, double msPerTick) => msPerTick >= ShortestRatedTickMs ? edges / (msPerTick / 1000) : null;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",

        // Not for a web page: a version's '+' and a name's accents stay as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One JSON object holding every field, keys in snake case (<c>ms_per_tick</c>, <c>bytes_per_agent</c>, …), indented over several lines.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);
}
