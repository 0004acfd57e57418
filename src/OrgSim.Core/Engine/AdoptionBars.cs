using OrgSim.Core.Model;

namespace OrgSim.Core.Engine;

/// <summary>
/// Each agent's adoption threshold turned, once, into the bar that what it sees must reach under
/// the threshold rules: a number of deploying contacts, or an exposure. The week then compares
/// one number with another: no division, no rounding in the loop.
/// </summary>
/// <remarks>
/// <para>Absolute rule, adopt when n ≥ m: the bar is m, compared with the count n.</para>
/// <para>Fractional rule, adopt when X/Σ ≥ θ, equality included. θ, the strengths and the
/// edge weights are written as decimals and held in binary, so an X/Σ that equals θ on paper can
/// come out a few units in the last place on either side of it (1/10 and 0.1 already differ in
/// single precision). The rule is therefore applied as X/Σ ≥ θ·(1 − <see cref="ShareTolerance"/>).
/// Two cases:</para>
/// <list type="bullet">
/// <item>An agent whose k contacts all have one strength s &gt; 0 — any agent of a graph with unit
/// weights and one edge type, such as a ring — has X/Σ = n/k exactly: its bar is the smallest
/// count m with m/k ≥ θ·(1 − tolerance), and it compares counts, which are exact integers.</item>
/// <item>Any other agent compares its exposure X with θ·(1 − tolerance)·Σ.</item>
/// </list>
/// <para>Σ = 0 (no contacts, or only contacts of strength 0) makes the share 0, reached only at θ = 0.</para>
/// </remarks>
internal static class AdoptionBars
{
    /// <summary>
    /// The relative tolerance on a share, 10⁻⁶: edge weights are single precision (a relative
    /// rounding of up to 6·10⁻⁸ each, so a weighted share can be off by about 10⁻⁷), and shares
    /// an organisation produces that differ in earnest differ by far more.
    /// </summary>
    public const double ShareTolerance = 1e-6;

    /// <summary>
    /// Fills <paramref name="bars"/> (one per agent) and, for the fractional rule,
    /// <paramref name="byCount"/> (bit v set: agent v's bar is a count) from the agents' thresholds.
    /// </summary>
    public static void Compute(AdoptionRule rule, ReadOnlySpan<double> thresholds, ContactObserver observer, Graph.OrgGraph graph, double[] bars, ulong[] byCount)
    {
        Array.Clear(byCount);
        for (int v = 0; v < bars.Length; v++)
        {
            double threshold = thresholds[v];
            if (rule != AdoptionRule.FractionalThreshold)
            {
                bars[v] = threshold;
                continue;
            }

            int contacts = graph.Degree(v);
            if (observer.HasOneStrength(v, out double strength) && strength > 0)
            {
                bars[v] = RequiredCount(threshold, contacts);
                byCount[v >> 6] |= 1UL << (v & 63);
            }
            else
            {
                bars[v] = RequiredExposure(threshold, observer.TotalStrength(v));
            }
        }
    }

    /// <summary>
    /// The fewest of <paramref name="contacts"/> equally strong contacts that make a share of
    /// <paramref name="threshold"/>: the smallest m with m/k ≥ θ·(1 − tolerance), so m for θ = m/k
    /// (1 for 0.1 of 10). Above <paramref name="contacts"/> when no count is enough; positive
    /// infinity for an agent without contacts and θ &gt; 0.
    /// </summary>
    public static double RequiredCount(double threshold, int contacts)
    {
        if (threshold <= 0)
        {
            return 0;
        }

        // θ·k is within a few ulps of m when θ = m/k; the tolerance takes 10⁻⁶·m off it, far more
        // than that rounding and (below 10⁶ contacts) less than 1, so the ceiling lands on m.
        return contacts == 0 ? double.PositiveInfinity : Math.Ceiling(threshold * (1 - ShareTolerance) * contacts);
    }

    /// <summary>
    /// The exposure X that makes a share of <paramref name="threshold"/> of
    /// <paramref name="totalStrength"/>: θ·(1 − tolerance)·Σ; for Σ = 0, 0 at θ = 0 and positive
    /// infinity above it.
    /// </summary>
    public static double RequiredExposure(double threshold, double totalStrength)
    {
        if (threshold <= 0)
        {
            return 0;
        }

        return totalStrength > 0 ? threshold * (1 - ShareTolerance) * totalStrength : double.PositiveInfinity;
    }
}
