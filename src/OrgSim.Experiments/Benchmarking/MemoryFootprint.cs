namespace OrgSim.Experiments.Benchmarking;

/// <summary>
/// What a benchmark's organisation and simulation keep in memory. The graph's part is
/// <c>OrgGraph.SizeInBytes</c> split into what every directed edge holds (4 B target, 1 B type, and
/// 4 B weight when the weights are not all 1) and the rest, per agent. The simulation's part is
/// measured: the managed heap after a full collection, just before and just after constructing it.
/// </summary>
/// <param name="GraphBytes">The graph's arrays (<c>OrgGraph.SizeInBytes</c>).</param>
/// <param name="GraphBytesPerAgent">The graph's bytes that are not per edge, per agent.</param>
/// <param name="GraphBytesPerEdge">The graph's bytes per directed edge: 5, or 9 with weights.</param>
/// <param name="SimulationBytes">The simulation's measured heap (never below 0; another thread allocating at the time disturbs it).</param>
/// <param name="SimulationBytesPerAgent"><see cref="SimulationBytes"/> per agent.</param>
/// <param name="TotalBytes">Graph and simulation.</param>
/// <param name="PeakWorkingSetBytes">The process's peak physical memory so far, building included (0 where unknown).</param>
public sealed record MemoryFootprint(
    long GraphBytes,
    double GraphBytesPerAgent,
    double GraphBytesPerEdge,
    long SimulationBytes,
    double SimulationBytesPerAgent,
    long TotalBytes,
    long PeakWorkingSetBytes);
