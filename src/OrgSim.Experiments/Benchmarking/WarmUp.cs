namespace OrgSim.Experiments.Benchmarking;

/// <summary>How a benchmark warmed the engine up before timing it: ticks of a throwaway simulation of the same organisation, thrown away.</summary>
/// <param name="Ticks">The ticks stepped.</param>
/// <param name="Seconds">How long they took.</param>
/// <param name="JitSettled">Whether the last round of ticks compiled no method (the just-in-time compiler has finished with the engine).</param>
public sealed record WarmUp(int Ticks, double Seconds, bool JitSettled);
