using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;

namespace OrgSim.Core.Tests.Engine;

/// <summary>Runs alone, so that the process-wide allocation counter sees only the simulation's worker threads.</summary>
[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public sealed class AllocationTestsDefinition;

[Collection(nameof(AllocationTests))]
public class AllocationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Step_AllocatesNothingOnAnyThread(int threads)
    {
        // 20,000 agents, so that up to 19 workers get a range. Five warm-up steps let the JIT settle.
        // GC.GetTotalAllocatedBytes(precise) counts every thread, worker threads included, but also
        // the runtime's and the test runner's own threads, which allocate now and then: with tiered
        // PGO on, 168 bytes every second or third step for a while after warm-up, on a thread that
        // is not the simulation's (GetAllocatedBytesForCurrentThread stays 0 on one thread, and so does
        // the total with DOTNET_TieredPGO=0). So: twenty windows of one step each, and the quietest
        // must be 0. A step that allocated even one byte would show in every window.
        OrgGraph graph = TestOrganisations.Hierarchy(20_000, 8, 2.0);
        using var simulation = new Simulation(graph, new ModelParameters(), seed: 8, threads);
        simulation.Seed(SeedSelector.Select(graph, SeedingStrategy.Random, 1_000, 8), CompetencySet.All, Stage.ConsciousCompetence);
        for (int t = 0; t < 5; t++)
        {
            simulation.Step();
        }

        long quietest = long.MaxValue;
        for (int window = 0; window < 20; window++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            simulation.Step();
            quietest = Math.Min(quietest, GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        Assert.Equal(0, quietest);
    }
}
