using System.Diagnostics;
using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;

namespace OrgSim.Experiments.Benchmarking;

/// <summary>
/// How a benchmark warmed the engine up before timing it: ticks of a throwaway simulation, with the same
/// model and threads, on a small network of the same kind (at most 20,000 agents, more with many threads).
/// </summary>
/// <param name="Agents">Agents in the warm-up's network.</param>
/// <param name="Ticks">The ticks stepped.</param>
/// <param name="Seconds">How long they took.</param>
/// <param name="JitSettled">Whether the last round of ticks compiled no method (the just-in-time compiler had finished).</param>
public sealed record WarmUp(int Agents, int Ticks, double Seconds, bool JitSettled)
{
    private const int MinRounds = 2;
    private const int MaxRounds = 15;
    private static readonly TimeSpan Round = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Steps a throwaway simulation of <paramref name="graph"/> in rounds of at least 200 ms until a round
    /// compiles no method (at least 2 rounds, at most 15: on a busy machine the compiler's background thread waits its turn), so that timing starts with optimised code. A small
    /// network, because .NET optimises a method after 30 calls and <see cref="Simulation.Step"/> is called
    /// once a tick; its spread runs through every phase in that time, so every path of the tick is compiled.
    /// The count is the process's: another thread compiling keeps it from settling.
    /// </summary>
    public static WarmUp Run(OrgGraph graph, ModelParameters parameters, int[] seeds, Stage stage, int threads, ulong seed, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var simulation = new Simulation(graph, parameters, seed, threads);
        simulation.Seed(seeds, CompetencySet.All, stage);
        long start = Stopwatch.GetTimestamp();
        int ticks = 0;
        bool settled = false;
        for (int round = 0; round < MaxRounds && !(settled && round >= MinRounds); round++)
        {
            long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            long roundStart = Stopwatch.GetTimestamp();
            do
            {
                cancellation.ThrowIfCancellationRequested();
                simulation.Step();
                ticks++;
            }
            while (Stopwatch.GetElapsedTime(roundStart) < Round);
            settled = System.Runtime.JitInfo.GetCompiledMethodCount() == compiled;
        }

        return new WarmUp(graph.NodeCount, ticks, Stopwatch.GetElapsedTime(start).TotalSeconds, settled);
    }
}
