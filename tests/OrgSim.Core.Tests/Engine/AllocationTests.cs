using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Metrics;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;

namespace OrgSim.Core.Tests.Engine;

/// <summary>
/// A step allocates nothing on any of its threads. Read from <see cref="Simulation.AllocatedBytesInSteps"/>,
/// which each thread of the step counts for itself around its own work, so the test runner's and the
/// runtime's threads never show and this test can run beside the others, on a loaded machine too.
/// <see cref="RangeWorkersTests"/> shows that the same count sees a job that allocates.
/// </summary>
public class AllocationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Step_AllocatesNothingOnAnyThread(int threads)
    {
        // 20,000 agents, so that up to 19 workers get a range. Five warm-up steps run every method
        // and static constructor of a step once; after that not one byte may be allocated.
        OrgGraph graph = TestOrganisations.Hierarchy(20_000, 8, 2.0);
        using var simulation = new Simulation(graph, new ModelParameters(), seed: 8, threads);
        Assert.Equal(threads, simulation.WorkerCount);
        simulation.Seed(SeedSelector.Select(graph, SeedingStrategy.Random, 1_000, 8), CompetencySet.All, Stage.ConsciousCompetence);
        for (int t = 0; t < 5; t++)
        {
            simulation.Step();
        }

        int changed = 0;
        long allocated = PerTickAllocation.InQuieterOfTwoWindows(
            () => simulation.AllocatedBytesInSteps,
            () =>
            {
                for (int t = 0; t < 25; t++)
                {
                    simulation.Step();
                    changed += simulation.AgentsChangedLastStep;
                }
            });

        Assert.Equal(0, allocated);
        Assert.True(changed > 0, "no agent changed stage: the measured steps did no work worth measuring");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void StepAndRecordingTheWeek_AllocateNothingOnAnyThread(int threads)
    {
        // The outcomes are recorded on the simulation's threads (Simulation.Scan): the scan's
        // workers count their allocations into the same total, the caller's thread is read around it.
        OrgGraph graph = TestOrganisations.Hierarchy(20_000, 8, 2.0);
        using var simulation = new Simulation(graph, new ModelParameters(), seed: 8, threads);
        int[] seeds = SeedSelector.Select(graph, SeedingStrategy.Random, 1_000, 8);
        simulation.Seed(seeds, CompetencySet.All, Stage.ConsciousCompetence);
        var outcomes = new OutcomeSeries(graph, seeds, new EffectivenessWeights(), horizon: 60);
        for (int t = 0; t < 5; t++)
        {
            simulation.Step();
            outcomes.Record(simulation);
        }

        // The caller's own counter covers the recording outside the scan; the workers' total covers the rest.
        // The caller's barrier waits are left out, as the workers' are: under load a wait that blocks
        // makes the barrier create its kernel event (24 bytes, seen once on a loaded machine).
        long allocated = PerTickAllocation.InQuieterOfTwoWindows(
            () => simulation.AllocatedBytesInSteps + GC.GetAllocatedBytesForCurrentThread() - simulation.CallerWaitBytes,
            () =>
            {
                for (int t = 0; t < 25; t++)
                {
                    simulation.Step();
                    outcomes.Record(simulation);
                }
            });

        Assert.Equal(0, allocated);
    }
}
