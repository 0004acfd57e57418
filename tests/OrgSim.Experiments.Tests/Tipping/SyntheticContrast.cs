using OrgSim.Core.Randomness;

namespace OrgSim.Experiments.Tests.Tipping;

/// <summary>
/// A contrast with a known crossing, as a simulation would give it: replicate r at value x gives
/// slope · (x − crossing) + shared · z_r + own · e_r(x), where z_r is replicate r's luck at every
/// value (what common random numbers share) and e_r(x) is noise of its own at each value; both
/// standard normal. The mean over replicates crosses zero at the crossing in expectation.
/// </summary>
internal sealed record SyntheticContrast(double Crossing, ulong Seed, double Slope = 1, double Shared = 0.2, double Own = 0.05)
{
    /// <summary>How many (value, replicate) pairs were asked for, counting a repeated request again.</summary>
    public int Evaluations { get; private set; }

    public IReadOnlyList<double> At(double x, int replicates)
    {
        Evaluations += replicates;
        ulong shared = CounterRng.Key(Seed, 1), own = CounterRng.Key(Seed, (ulong)BitConverter.DoubleToInt64Bits(x));
        return Enumerable.Range(0, replicates).Select(r => (Slope * (x - Crossing)) + (Shared * Normal(shared, r)) + (Own * Normal(own, r))).ToArray();
    }

    private static double Normal(ulong key, int r)
    {
        double u1 = 1 - CounterRng.Uniform(key, 2 * (ulong)r), u2 = CounterRng.Uniform(key, (2 * (ulong)r) + 1);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
