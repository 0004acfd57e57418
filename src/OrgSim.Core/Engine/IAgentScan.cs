namespace OrgSim.Core.Engine;

/// <summary>
/// A pass over every agent's state between steps that <see cref="Simulation.Scan"/> splits among
/// the simulation's threads: each thread adds the chunks of agents it claims to its own partial
/// result, and the partial results are combined afterwards in a fixed order.
/// </summary>
/// <remarks>
/// Which thread adds which agents varies from run to run, so a partial result must not depend on
/// the order of its agents and the combination must not depend on the split: integer tallies,
/// combined by addition, qualify; a sum of doubles in agent order does not.
/// </remarks>
public interface IAgentScan
{
    /// <summary>Called once before the pass: clears <paramref name="workers"/> partial results, numbered 0..workers-1.</summary>
    void Start(int workers);

    /// <summary>Adds the <paramref name="count"/> agents from <paramref name="first"/> on to the partial result of <paramref name="worker"/>; called on that worker's thread.</summary>
    void Add(int worker, int first, int count);

    /// <summary>Called once after the pass, on the caller's thread: combines the partial results.</summary>
    void Combine();
}
