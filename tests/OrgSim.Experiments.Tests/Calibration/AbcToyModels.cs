using OrgSim.Core.Randomness;
using OrgSim.Experiments.Calibration;

namespace OrgSim.Experiments.Tests.Calibration;

/// <summary>
/// Stand-ins for a stochastic model with known posteriors, and the loop a calibrate command will
/// run (there through the run scheduler, here in memory). Each simulation draws from its own
/// stream, keyed by the candidate's generation and index, as an OrgSim run would from its seed.
/// </summary>
internal static class AbcToyModels
{
    /// <summary>Runs the calibration to its end, feeding each round's distances in a shuffled order.</summary>
    public static AbcSmcState Run(AbcSmcPlan plan, Func<AbcCandidate, double> distance, ulong shuffle = 0)
    {
        AbcSmcState state = plan.Start();
        while (!state.IsFinished)
        {
            var results = state.Candidates()
                .Select(c => KeyValuePair.Create(c.Index, distance(c)))
                .OrderBy(r => shuffle == 0 ? (ulong)r.Key : CounterRng.Bits(shuffle, (ulong)r.Key))
                .ToList();
            state = state.Accept(state.Generation, results);
        }

        return state;
    }

    public static ulong Stream(ulong modelSeed, AbcCandidate candidate) =>
        CounterRng.Key(CounterRng.Key(modelSeed, (ulong)candidate.Generation), (ulong)candidate.Index);

    /// <summary>k′ successes in <paramref name="trials"/> Bernoulli(p) trials, p the candidate's only value.</summary>
    public static int Binomial(ulong modelSeed, AbcCandidate candidate, int trials)
    {
        ulong key = Stream(modelSeed, candidate);
        double p = candidate.Values[0];
        int successes = 0;
        for (int i = 0; i < trials; i++)
        {
            successes += CounterRng.Uniform(key, (ulong)i) < p ? 1 : 0;
        }

        return successes;
    }

    /// <summary><paramref name="count"/> normal deviates with mean <paramref name="mean"/> and sd <paramref name="sd"/> from stream <paramref name="key"/>.</summary>
    public static double[] Normals(ulong key, int count, double mean, double sd)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            double u1 = 1 - CounterRng.Uniform(key, 2 * (ulong)i);
            double u2 = CounterRng.Uniform(key, (2 * (ulong)i) + 1);
            values[i] = mean + (sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return values;
    }

    public static (double Mean, double Sd) MeanAndSd(double[] values)
    {
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return (mean, sd);
    }
}
