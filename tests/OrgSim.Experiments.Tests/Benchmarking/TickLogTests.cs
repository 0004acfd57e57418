using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;
using OrgSim.Experiments.Benchmarking;

namespace OrgSim.Experiments.Tests.Benchmarking;

public class TickLogTests
{
    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 5.0, 1.0, 4.0 }, 4.0)]
    [InlineData(new[] { 9.0, 1.0, 2.0, 3.0 }, 2.5)]
    public void Median_IsTheMiddleValue(double[] values, double median)
    {
        Assert.Equal(median, TickLog.Median(values));
    }

    private static readonly ModelParameters Threshold = new() { Learning = false, DeployProbabilityHabit = 1, Adoption = AdoptionRule.FractionalThreshold, Threshold = ThresholdDistribution.Fixed(0.5) };

    [Fact]
    public void Step_RecordsTheSharesTheSimulationReached_AndAWindowOfTimedTicks()
    {
        // A ring of 1,000 with one adopter and threshold 0.5 (1 of 2 contacts): each week the front moves one agent each way.
        using var simulation = RingWithOneAdopter();
        TickLog log = Stepped(simulation, 6);

        Assert.Equal([0.001, 0.003, 0.005, 0.007, 0.009, 0.011, 0.013], log.CompetentShares.Select(s => Math.Round(s, 9)));
        PhaseTiming phase = log.Phase(2, 3);
        Assert.Equal((2, 4, 0.003), (phase.FirstWeek, phase.LastWeek, Math.Round(phase.CompetentShare, 9)));
        Assert.Equal(3, phase.TickMs.Count);
        Assert.All(phase.TickMs, ms => Assert.True(ms > 0 && double.IsFinite(ms)));
        Assert.Equal(1.0, phase.StageShares.Sum(), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => log.Phase(5, 3)); // Week 7 has not run.
    }

    [Fact]
    public void Replayed_TakesTheMedianOfOneWeekOverTheRuns_AndTheStateFromTheFirst()
    {
        using var first = RingWithOneAdopter();
        using var second = RingWithOneAdopter();
        using var third = RingWithOneAdopter();
        TickLog[] runs = [Stepped(first, 4), Stepped(second, 4), Stepped(third, 3)];

        PhaseTiming week3 = TickLog.Replayed(runs, 3);

        Assert.Equal((3, 3, 0.005), (week3.FirstWeek, week3.LastWeek, Math.Round(week3.CompetentShare, 9)));
        Assert.Equal(3, week3.TickMs.Count);
        Assert.Equal(TickLog.Median(week3.TickMs), week3.MsPerTick);
        Assert.Throws<ArgumentOutOfRangeException>(() => TickLog.Replayed(runs, 4)); // The third run stopped at week 3.
    }

    private static Simulation RingWithOneAdopter()
    {
        var simulation = new Simulation(ClassicNetworks.RingLattice(1000, 2), Threshold, 1);
        simulation.Seed([500], CompetencySet.All, Stage.UnconsciousCompetence);
        return simulation;
    }

    private static TickLog Stepped(Simulation simulation, int weeks)
    {
        var log = new TickLog(simulation, Stage.UnconsciousCompetence);
        for (int week = 0; week < weeks; week++)
        {
            log.Step();
        }

        return log;
    }
}
