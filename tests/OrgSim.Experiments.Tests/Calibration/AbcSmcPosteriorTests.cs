using MathNet.Numerics.Distributions;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Sensitivity;
using Xunit.Abstractions;
using static OrgSim.Experiments.Tests.Calibration.AbcToyModels;

namespace OrgSim.Experiments.Tests.Calibration;

/// <summary>ABC-SMC against posteriors known in closed form.</summary>
public class AbcSmcPosteriorTests(ITestOutputHelper output)
{
    // Binomial data: k successes in n trials, p uniform on [0, 1], so the posterior is
    // Beta(k + 1, n − k + 1): mean 16/52 = 0.3077, sd 0.063, 95% interval [0.191, 0.438].
    private const int Trials = 50;
    private const int Successes = 15;

    [Fact]
    public void Binomial_PosteriorMatchesTheExactAbcTargetAndApproachesTheBetaPosterior()
    {
        var plan = new AbcSmcPlan([new ParameterRange("p", 0, 1)], seed: 11, new AbcSmcSettings { PopulationSize = 1000 });
        AbcSmcState state = Run(plan, c => Math.Abs(Binomial(modelSeed: 5, c, Trials) - Successes) / (double)Trials);
        PosteriorSummary p = state.Summarise()[0];
        AbcGeneration last = state.History[^1];
        Report(state);

        // With distance |k′ − k| / n and tolerance m / n, ABC accepts k′ in [k − m, k + m]; each
        // k′ has marginal 1 / (n + 1) under the uniform prior, so the ABC target is the equal
        // mixture of Beta(k′ + 1, n − k′ + 1) — the exact Beta posterior when m = 0.
        int m = (int)Math.Round(last.Tolerance * Trials);
        Beta[] components = Enumerable.Range(Successes - m, (2 * m) + 1).Select(j => new Beta(j + 1, Trials - j + 1)).ToArray();
        double Cdf(double x) => components.Average(b => b.CumulativeDistribution(x));
        double Density(double x) => components.Average(b => b.Density(x));
        double targetMean = components.Average(b => b.Mean);
        double targetSd = Math.Sqrt(components.Average(b => b.Variance + (b.Mean * b.Mean)) - (targetMean * targetMean));

        // Monte Carlo error of a weighted sample of effective size ESS: sd / √ESS for the mean,
        // √(q(1 − q)) / (f(x_q) √ESS) for the q-quantile. Four of those: a fixed seed passes or
        // fails for good, and at four standard errors a correct engine fails one seed in 15,000.
        double ess = state.EffectiveSampleSize;
        Assert.InRange(ess, 300, 1000 * 1.5);
        Assert.Equal(targetMean, p.Mean, 4 * targetSd / Math.Sqrt(ess));
        foreach ((double q, double estimate) in new[] { (0.025, p.Lower), (0.5, p.Median), (0.975, p.Upper) })
        {
            double exact = Invert(Cdf, q);
            double error = Math.Sqrt(q * (1 - q)) / (Density(exact) * Math.Sqrt(ess));
            output.WriteLine($"q{q}: ABC {estimate:F4}, target {exact:F4}, ±{4 * error:F4}");
            Assert.Equal(exact, estimate, 4 * error);
        }

        // The tolerance must have fallen to at most 2/n (k′ within 2 of k), where the target's
        // 95% interval is at most 6% wider than the Beta posterior's.
        Assert.InRange(m, 0, 2);
        var beta = new Beta(Successes + 1, Trials - Successes + 1);
        Assert.Equal(beta.Mean, p.Mean, 0.01);
        Assert.Equal(beta.InverseCumulativeDistribution(0.025), p.Lower, 0.03);
        Assert.Equal(beta.InverseCumulativeDistribution(0.975), p.Upper, 0.03);
    }

    [Fact]
    public void NormalMeanAndLogUniformSd_AreRecoveredWithinTheirIntervals()
    {
        (bool meanCovered, bool sdCovered, AbcSmcState state) = Recover(dataSeed: 1, abcSeed: 1, populationSize: 500);
        Report(state);
        Assert.True(meanCovered);
        Assert.True(sdCovered);
    }

    [Fact]
    [Trait("Category", "Slow")] // 3 s: 20 calibrations of about 20,000 simulations each.
    public void NormalMeanAndLogUniformSd_IntervalsCoverTheTruthOverSeeds()
    {
        // 20 data sets, each calibrated with its own seed. The exact posterior's 95% intervals
        // would cover the truth 19 times in 20 on average; ABC's, at a tolerance above 0, are a
        // little wider, so coverage is at least nominal up to the Monte Carlo error of quantiles
        // from about 300 effective particles. At least 17 of 20 per parameter: a calibrated 95%
        // interval gives fewer than 17 with probability 1.6% (binomial). Run over 100 seeds
        // (3 s → 9 s) this engine covered the mean 92 times and the sd 99 times: the mean's
        // interval at nominal within binomial error (P(≤ 92 | 0.95) = 0.13), the sd's wider.
        const int seeds = 20;
        int mean = 0, sd = 0;
        for (int s = 1; s <= seeds; s++)
        {
            (bool meanCovered, bool sdCovered, _) = Recover(dataSeed: (ulong)(100 + s), abcSeed: (ulong)s, populationSize: 300);
            mean += meanCovered ? 1 : 0;
            sd += sdCovered ? 1 : 0;
        }

        output.WriteLine($"coverage over {seeds} seeds: mean {mean}, sd {sd}");
        Assert.InRange(mean, 17, seeds);
        Assert.InRange(sd, 17, seeds);
    }

    private static (bool MeanCovered, bool SdCovered, AbcSmcState State) Recover(ulong dataSeed, ulong abcSeed, int populationSize)
    {
        // 50 observations of N(1, 0.5²); priors μ ~ U[−3, 3], σ ~ log-U[0.05, 5]. The sample mean
        // and sd are sufficient, so the distance |ȳ′ − ȳ| / (s / √n) + |ln s′ − ln s| · √(2(n − 1))
        // (each summary in units of its sampling sd) loses nothing but the tolerance.
        const int n = 50;
        const double trueMean = 1, trueSd = 0.5;
        (double ybar, double s) = MeanAndSd(Normals(dataSeed, n, trueMean, trueSd));
        var plan = new AbcSmcPlan(
            [new ParameterRange("mean", -3, 3), new ParameterRange("sd", 0.05, 5, ParameterScale.LogUniform)],
            abcSeed,
            new AbcSmcSettings { PopulationSize = populationSize, MaxGenerations = 12 });
        AbcSmcState state = Run(plan, c =>
        {
            (double m, double sd) = MeanAndSd(Normals(Stream(dataSeed + 7777, c), n, c.Values[0], c.Values[1]));
            return (Math.Abs(m - ybar) / (s / Math.Sqrt(n))) + (Math.Abs(Math.Log(sd / s)) * Math.Sqrt(2.0 * (n - 1)));
        });
        IReadOnlyList<PosteriorSummary> summary = state.Summarise();
        return (summary[0].Lower <= trueMean && trueMean <= summary[0].Upper, summary[1].Lower <= trueSd && trueSd <= summary[1].Upper, state);
    }

    private void Report(AbcSmcState state)
    {
        foreach (AbcGeneration g in state.History)
        {
            output.WriteLine($"generation {g.Generation}: tolerance {g.Tolerance:G4}, {g.Accepted}/{g.Evaluated} accepted ({g.AcceptanceRate:P1}) in {g.Rounds} rounds, ESS {g.EffectiveSampleSize:F0}");
        }

        output.WriteLine($"stopped: {state.StopReason} after {state.TotalEvaluated} runs");
        foreach (PosteriorSummary p in state.Summarise())
        {
            output.WriteLine($"{p.Name}: mean {p.Mean:F4}, median {p.Median:F4}, 95% [{p.Lower:F4}, {p.Upper:F4}]");
        }
    }

    private static double Invert(Func<double, double> cdf, double q)
    {
        double low = 0, high = 1;
        for (int i = 0; i < 60; i++)
        {
            double mid = (low + high) / 2;
            (low, high) = cdf(mid) < q ? (mid, high) : (low, mid);
        }

        return (low + high) / 2;
    }
}
