using System.Globalization;
using OrgSim.Core.Agents;
using OrgSim.Core.Engine;

namespace OrgSim.Benchmarks;

/// <summary>Describes how far a simulation has spread, for the lines the benchmarks print to the log.</summary>
internal static class StageShares
{
    /// <summary>The tick and the share of agent-competencies at each stage, e.g. <c>tick=20 stages=[0.723 0.222 0.033 0.023]</c>.</summary>
    public static string Describe(Simulation simulation)
    {
        ReadOnlySpan<int> counts = simulation.StageCounts; // indexed competency * 4 + stage
        Span<long> byStage = stackalloc long[Stages.Count];
        for (int i = 0; i < counts.Length; i++)
        {
            byStage[i % Stages.Count] += counts[i];
        }

        double total = (double)simulation.Graph.NodeCount * Competencies.Count;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"tick={simulation.Tick} stages=[{byStage[0] / total:F3} {byStage[1] / total:F3} {byStage[2] / total:F3} {byStage[3] / total:F3}]");
    }
}
