namespace OrgSim.Experiments.Benchmarking;

/// <summary>The ticks timed in one phase of the spread, and the state they started from.</summary>
/// <param name="FirstWeek">The first week timed (week 1 is the first tick after seeding).</param>
/// <param name="LastWeek">The last week timed.</param>
/// <param name="CompetentShare">The share of agent–competency pairs competent when the first timed week began.</param>
/// <param name="StageShares">The share of agent–competency pairs at stage 0, 1, 2 and 3 when the first timed week began.</param>
/// <param name="MsPerTick">The median wall time of the timed ticks, in milliseconds.</param>
/// <param name="CpuMsPerTick">The median processor time the whole process used during a timed tick, in milliseconds (every thread's).</param>
/// <param name="TickMs">The wall time of each timed tick, in order, in milliseconds.</param>
public sealed record PhaseTiming(
    int FirstWeek,
    int LastWeek,
    double CompetentShare,
    IReadOnlyList<double> StageShares,
    double MsPerTick,
    double CpuMsPerTick,
    IReadOnlyList<double> TickMs);
