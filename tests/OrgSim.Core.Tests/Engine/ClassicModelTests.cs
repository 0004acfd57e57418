using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;

namespace OrgSim.Core.Tests.Engine;

/// <summary>
/// With learning off, one competency and adopters deploying every week, the engine is a classic
/// diffusion model; these tests hold it to the closed forms. Where a result is random, the
/// simulated mean over R runs is compared with the exact expectation, computed here by dynamic
/// programming over the Markov chain of the adopter count, within 4.5 standard errors per week
/// (SE = exact standard deviation / √R); with a fixed seed the outcome never changes.
/// </summary>
public class ClassicModelTests
{
    private const double StandardErrors = 4.5;

    /// <summary>Classic mode: adoption is deployment, every interaction with a deploying contact transmits with β.</summary>
    private static ModelParameters Classic(AdoptionRule rule, double transmission = 0) => new()
    {
        Learning = false,
        Adoption = rule,
        Transmission = transmission,
        DeployProbabilityHabit = 1,
        Relationships = new Relationships { TeamPeer = new(1, 1), Manager = new(1, 1), Report = new(1, 1), CrossTeam = new(1, 1) },
    };

    [Fact]
    [Trait("Category", "Slow")] // 11 s, a minute on a loaded 2-core machine: many runs for a tight standard error.
    public void SimpleContagion_OnACompleteGraph_FollowsTheExactSiExpectationAndTheLogisticCurve()
    {
        // SI: an unaware agent with k adopted contacts adopts with 1 − (1 − β)^k. N = 200,
        // β = 0.00025 (λ = −N ln(1 − β) ≈ 0.05 a week), 20 seeds, 150 weeks, 200 runs.
        const int n = 200, seeds = 20, weeks = 150, runs = 200;
        const double beta = 0.00025;
        OrgGraph graph = ClassicNetworks.Complete(n);
        double[] simulated = MeanAdoptedShare(graph, Classic(AdoptionRule.SimpleContagion, beta), seeds, weeks, runs);
        var (exact, sd) = ExactMean(n, seeds, weeks, k => 1 - Math.Pow(1 - beta, k));

        double lambda = -n * Math.Log(1 - beta), i0 = (double)seeds / n;
        double[] logistic = Enumerable.Range(0, weeks + 1)
            .Select(t => i0 * Math.Exp(lambda * t) / (1 - i0 + (i0 * Math.Exp(lambda * t)))).ToArray();

        // The logistic is the large-population, continuous-time limit: for these parameters it is
        // within 0.02 of the exact expectation (computed: 0.017), which bounds the test's allowance.
        double gap = exact.Zip(logistic, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(gap < 0.02, $"logistic gap {gap:F4}");
        for (int t = 0; t <= weeks; t++)
        {
            double se = sd[t] / Math.Sqrt(runs);
            Assert.InRange(simulated[t], exact[t] - (StandardErrors * se) - 1e-12, exact[t] + (StandardErrors * se) + 1e-12);
            Assert.InRange(simulated[t], logistic[t] - gap - (StandardErrors * se), logistic[t] + gap + (StandardErrors * se));
        }

        Assert.True(simulated[weeks] > 0.99, "SI on a connected graph reaches everyone");
    }

    [Fact]
    [Trait("Category", "Slow")] // 4 s: many runs for a tight standard error.
    public void Bass_OnACompleteGraph_FollowsTheDiscreteRecurrenceAndTheContinuousCurve()
    {
        // Bass with p = 0.03, q = 0.38: an unaware agent adopts with p + q·k/(N − 1). N = 250, no seeds, 30 weeks, 300 runs.
        const int n = 250, weeks = 30, runs = 300;
        const double p = 0.03, q = 0.38;
        OrgGraph graph = ClassicNetworks.Complete(n);
        ModelParameters parameters = Classic(AdoptionRule.Bass) with { BassInnovation = p, BassImitation = q };
        double[] simulated = MeanAdoptedShare(graph, parameters, 0, weeks, runs);
        var (exact, sd) = ExactMean(n, 0, weeks, k => p + (q * k / (n - 1)));

        double[] recurrence = new double[weeks + 1];
        for (int t = 0; t < weeks; t++)
        {
            recurrence[t + 1] = recurrence[t] + ((p + (q * recurrence[t])) * (1 - recurrence[t]));
        }

        double[] continuous = Enumerable.Range(0, weeks + 1)
            .Select(t => (1 - Math.Exp(-(p + q) * t)) / (1 + (q / p * Math.Exp(-(p + q) * t)))).ToArray();

        // The weekly recurrence is the large-N limit of this chain (computed gap 0.005 at N = 250);
        // the continuous curve is its limit for short steps, and with p + q = 0.41 a week the two
        // differ by up to 0.074 (computed). The allowances are these gaps, bounded here.
        double recurrenceGap = exact.Zip(recurrence, (a, b) => Math.Abs(a - b)).Max();
        double continuousGap = exact.Zip(continuous, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(recurrenceGap < 0.01, $"recurrence gap {recurrenceGap:F4}");
        Assert.True(continuousGap < 0.08, $"continuous gap {continuousGap:F4}");
        for (int t = 0; t <= weeks; t++)
        {
            double se = sd[t] / Math.Sqrt(runs);
            Assert.InRange(simulated[t], exact[t] - (StandardErrors * se) - 1e-12, exact[t] + (StandardErrors * se) + 1e-12);
            Assert.InRange(simulated[t], recurrence[t] - recurrenceGap - (StandardErrors * se), recurrence[t] + recurrenceGap + (StandardErrors * se));
            Assert.InRange(simulated[t], continuous[t] - continuousGap - (StandardErrors * se), continuous[t] + continuousGap + (StandardErrors * se));
        }
    }

    [Theory]
    [InlineData(false, 100)]
    [InlineData(true, 1)]
    public void AbsoluteThreshold_ReproducesGranovettersRiot(bool replaceTheOne, int expectedRioters)
    {
        // Thresholds 0, 1, …, 99 on a complete graph of 100: each joiner tips the next, so all join.
        // Replace the agent whose threshold is 1 with one whose threshold is 2: only the instigator joins.
        OrgGraph graph = ClassicNetworks.Complete(100);
        using var simulation = new Simulation(graph, Classic(AdoptionRule.AbsoluteThreshold), seed: 1);
        double[] thresholds = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        if (replaceTheOne)
        {
            thresholds[1] = 2;
        }

        simulation.SetThresholds(thresholds);
        for (int t = 0; t < 110; t++)
        {
            simulation.Step();
        }

        Assert.Equal(expectedRioters, simulation.StageCounts[(int)Stage.UnconsciousCompetence]);
    }

    [Theory]
    [InlineData(0.5, 100)]
    [InlineData(0.51, 1)]
    public void FractionalThreshold_CascadesAroundARingOnlyUpToOneHalf(double theta, int expectedAdopters)
    {
        // On a ring each agent has two contacts; next to an adopter the deploying share is 1/2.
        OrgGraph ring = ClassicNetworks.RingLattice(100, 2);
        using var simulation = new Simulation(ring, Classic(AdoptionRule.FractionalThreshold) with { Threshold = ThresholdDistribution.Fixed(theta) }, seed: 1);
        simulation.Seed([0], CompetencySet.Of(Competency.Decisiveness), Stage.UnconsciousCompetence);
        for (int t = 0; t < 60; t++)
        {
            simulation.Step();
        }

        Assert.Equal(expectedAdopters, simulation.StageCounts[(int)Stage.UnconsciousCompetence]);
    }

    [Fact]
    [Trait("Category", "Slow")] // 3.5 s: many runs for a tight standard error.
    public void IndependentCascade_GivesEachAdopterOneChanceAndStopsEarly()
    {
        // On a ring, a cascade from one seed goes on in each direction with probability β per
        // step, so it adds β/(1 − β) agents per direction: 1 + 2β/(1 − β) = 3 adopters per seed
        // for β = 0.5, with variance 2β/(1 − β)² = 4. 2,000 seeds 100 apart on a ring of 200,000
        // are 2,000 independent cascades (one reaching the next seed has probability 2^-50):
        // SE of the mean = 2/√2000 = 0.045, so 4.5 SE = 0.20.
        const int seeds = 2_000, spacing = 100;
        OrgGraph ring = ClassicNetworks.RingLattice(seeds * spacing, 2);
        ModelParameters cascade = Classic(AdoptionRule.SimpleContagion, transmission: 0.5) with { ActiveWeeks = 1 };
        using var simulation = new Simulation(ring, cascade, seed: 3, threads: 2);
        simulation.Seed(Enumerable.Range(0, seeds).Select(i => i * spacing).ToArray(), CompetencySet.Of(Competency.Decisiveness), Stage.UnconsciousCompetence);
        for (int t = 0; t < 80; t++)
        {
            simulation.Step();
        }

        double perSeed = (double)simulation.StageCounts[(int)Stage.UnconsciousCompetence] / seeds;
        Assert.InRange(perSeed, 3 - 0.20, 3 + 0.20);

        // The same contagion without the one-chance limit (SI) takes the whole ring (here a tenth of it).
        OrgGraph smallRing = ClassicNetworks.RingLattice(seeds * spacing / 10, 2);
        using var si = new Simulation(smallRing, cascade with { ActiveWeeks = 0 }, seed: 3, threads: 2);
        si.Seed(Enumerable.Range(0, seeds / 10).Select(i => i * spacing).ToArray(), CompetencySet.Of(Competency.Decisiveness), Stage.UnconsciousCompetence);
        for (int t = 0; t < 400; t++)
        {
            si.Step();
        }

        Assert.Equal(smallRing.NodeCount, si.StageCounts[(int)Stage.UnconsciousCompetence]);
    }

    [Fact]
    public void ClassicMode_NeverUsesTheLearningStages()
    {
        using var simulation = new Simulation(ClassicNetworks.ErdosRenyi(500, 6, 1), Classic(AdoptionRule.SimpleContagion, 0.2), seed: 5);
        simulation.Seed([0, 1, 2], CompetencySet.Of(Competency.Pacing), Stage.UnconsciousCompetence);
        for (int t = 0; t < 30; t++)
        {
            simulation.Step();
            int pacing = (int)Competency.Pacing * 4;
            Assert.Equal(0, simulation.StageCounts[pacing + 1] + simulation.StageCounts[pacing + 2]);
        }

        Assert.True(simulation.StageCounts[((int)Competency.Pacing * 4) + 3] > 3, "the contagion should have spread");
    }

    /// <summary>The mean share of adopters (stage 3 in competency 0) per week over <paramref name="runs"/> runs.</summary>
    private static double[] MeanAdoptedShare(OrgGraph graph, ModelParameters parameters, int seeds, int weeks, int runs)
    {
        var sum = new double[weeks + 1];
        for (int run = 0; run < runs; run++)
        {
            using var simulation = new Simulation(graph, parameters, seed: (ulong)(1000 + run));
            simulation.Seed(Enumerable.Range(0, seeds).ToArray(), CompetencySet.Of(Competency.Decisiveness), Stage.UnconsciousCompetence);
            for (int t = 0; t <= weeks; t++)
            {
                if (t > 0)
                {
                    simulation.Step();
                }

                sum[t] += (double)simulation.StageCounts[(int)Stage.UnconsciousCompetence] / graph.NodeCount;
            }
        }

        return sum.Select(s => s / runs).ToArray();
    }

    /// <summary>
    /// Exact mean and standard deviation of the adopted share per week when each of the N − k
    /// unaware agents adopts independently with <paramref name="hazard"/>(k): the distribution of
    /// k is propagated through the binomial transitions.
    /// </summary>
    private static (double[] Mean, double[] Sd) ExactMean(int n, int k0, int weeks, Func<int, double> hazard)
    {
        var probability = new double[n + 1];
        probability[k0] = 1;
        var mean = new double[weeks + 1];
        var sd = new double[weeks + 1];
        mean[0] = (double)k0 / n;
        for (int t = 1; t <= weeks; t++)
        {
            var next = new double[n + 1];
            for (int k = 0; k <= n; k++)
            {
                if (probability[k] == 0)
                {
                    continue;
                }

                double h = Math.Clamp(hazard(k), 0, 1);
                int unaware = n - k;
                if (h == 0 || h == 1)
                {
                    next[h == 0 ? k : n] += probability[k];
                    continue;
                }

                double pmf = Math.Pow(1 - h, unaware);
                for (int j = 0; j <= unaware; j++)
                {
                    next[k + j] += probability[k] * pmf;
                    pmf *= (double)(unaware - j) / (j + 1) * h / (1 - h);
                }
            }

            probability = next;
            mean[t] = Enumerable.Range(0, n + 1).Sum(k => k * probability[k]) / n;
            sd[t] = Math.Sqrt(Enumerable.Range(0, n + 1).Sum(k => Math.Pow(((double)k / n) - mean[t], 2) * probability[k]));
        }

        return (mean, sd);
    }
}
