namespace OrgSim.Experiments.Benchmarking;

/// <summary>
/// How a benchmark warmed the engine up before timing it: ticks of a throwaway simulation, with the same
/// model and threads, on a network of the same kind with at most 20,000 agents (more with many threads).
/// </summary>
/// <param name="Agents">Agents in the warm-up's network.</param>
/// <param name="Ticks">The ticks stepped.</param>
/// <param name="Seconds">How long they took.</param>
/// <param name="JitSettled">Whether the last round of ticks compiled no method (the just-in-time compiler had finished).</param>
public sealed record WarmUp(int Agents, int Ticks, double Seconds, bool JitSettled);
