using System.Diagnostics;
using OrgSim.Core.Randomness;

namespace OrgSim.Experiments.Calibration;

/// <summary>
/// The proposal of a generation after the first: pick a particle of the previous population by
/// weight, then move it by a multivariate normal step with twice the population's weighted
/// covariance, all in the unit cube where every prior is uniform.
/// </summary>
/// <remarks>
/// Twice the covariance is the choice of Beaumont, Cornuet, Marin and Robert (2009), who show it
/// minimises the Kullback–Leibler divergence between successive populations for a Gaussian
/// kernel; Filippi, Barnes, Cornebise and Stumpf (2013) extend it to the full covariance. The full
/// covariance (rather than Beaumont's component-wise variances) follows the ridges that correlated
/// parameters leave in a posterior — two rates that can trade off against each other, as an
/// agent-based model's often do — so fewer steps leave the ridge and are rejected; its cost, a
/// d × d Cholesky factor per generation and d² operations per density term, is nothing beside one
/// model run.
/// </remarks>
internal sealed class AbcKernel
{
    // Added to the covariance's diagonal (unit-cube units) so that a population that collapsed in
    // one coordinate still has a factor; 1e-12 moves nothing a model could resolve.
    private const double Jitter = 1e-12;

    private readonly double[][] _centres;
    private readonly double[] _cumulative;
    private readonly double[] _logWeights;
    private readonly double[,] _factor;
    private readonly int _dimension;

    private AbcKernel(double[][] centres, double[] weights, double[,] factor)
    {
        _centres = centres;
        _dimension = factor.GetLength(0);
        _factor = factor;
        _logWeights = weights.Select(w => Math.Log(w)).ToArray();
        _cumulative = new double[weights.Length];
        double sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            _cumulative[i] = sum;
        }
    }

    /// <summary>Counters one proposal attempt uses: one for the parent, two per normal deviate.</summary>
    public int CountersPerAttempt => 1 + (2 * _dimension);

    /// <summary>The kernel of <paramref name="population"/>, whose weights sum to 1.</summary>
    public static AbcKernel From(IReadOnlyList<AbcParticle> population)
    {
        Debug.Assert(population.Count > 0, "a kernel needs particles");
        int d = population[0].Unit.Count;
        double[][] centres = population.Select(p => p.Unit.ToArray()).ToArray();
        double[] weights = population.Select(p => p.Weight).ToArray();
        double total = weights.Sum();
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] /= total;
        }

        var mean = new double[d];
        for (int i = 0; i < centres.Length; i++)
        {
            for (int k = 0; k < d; k++)
            {
                mean[k] += weights[i] * centres[i][k];
            }
        }

        var covariance = new double[d, d];
        for (int i = 0; i < centres.Length; i++)
        {
            for (int k = 0; k < d; k++)
            {
                for (int l = 0; l <= k; l++)
                {
                    covariance[k, l] += 2 * weights[i] * (centres[i][k] - mean[k]) * (centres[i][l] - mean[l]);
                }
            }
        }

        for (int k = 0; k < d; k++)
        {
            covariance[k, k] += Jitter;
        }

        return new AbcKernel(centres, weights, Cholesky(covariance));
    }

    /// <summary>
    /// Attempt <paramref name="attempt"/> at a proposal from the stream <paramref name="key"/>: a
    /// point of the unit cube's neighbourhood, which the caller rejects when it lies outside.
    /// </summary>
    public double[] Propose(ulong key, int attempt)
    {
        ulong counter = (ulong)attempt * (ulong)CountersPerAttempt;
        double pick = CounterRng.Uniform(key, counter);
        int parent = Array.BinarySearch(_cumulative, pick);
        parent = Math.Min(parent < 0 ? ~parent : parent + 1, _centres.Length - 1);

        var z = new double[_dimension];
        for (int k = 0; k < _dimension; k++)
        {
            // Box–Muller; 1 − u lies in (0, 1], so the logarithm is finite.
            double u1 = 1 - CounterRng.Uniform(key, counter + 1 + (2 * (ulong)k));
            double u2 = CounterRng.Uniform(key, counter + 2 + (2 * (ulong)k));
            z[k] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        var point = new double[_dimension];
        for (int k = 0; k < _dimension; k++)
        {
            double step = 0;
            for (int l = 0; l <= k; l++)
            {
                step += _factor[k, l] * z[l];
            }

            point[k] = _centres[parent][k] + step;
        }

        return point;
    }

    /// <summary>
    /// log Σⱼ Wⱼ exp(−½ (u − cⱼ)ᵀ Σ⁻¹ (u − cⱼ)): the mixture density at <paramref name="unit"/> up
    /// to a constant factor, which cancels when weights are normalised. Summed in log space so a
    /// tight kernel cannot underflow every term.
    /// </summary>
    public double LogMixtureDensity(IReadOnlyList<double> unit)
    {
        var terms = new double[_centres.Length];
        var y = new double[_dimension];
        double max = double.NegativeInfinity;
        for (int j = 0; j < _centres.Length; j++)
        {
            double squared = 0;
            for (int k = 0; k < _dimension; k++)
            {
                double r = unit[k] - _centres[j][k];
                for (int l = 0; l < k; l++)
                {
                    r -= _factor[k, l] * y[l];
                }

                y[k] = r / _factor[k, k];
                squared += y[k] * y[k];
            }

            terms[j] = _logWeights[j] - (0.5 * squared);
            max = Math.Max(max, terms[j]);
        }

        double sum = 0;
        foreach (double term in terms)
        {
            sum += Math.Exp(term - max);
        }

        return max + Math.Log(sum);
    }

    private static double[,] Cholesky(double[,] a)
    {
        int d = a.GetLength(0);
        var factor = new double[d, d];
        for (int k = 0; k < d; k++)
        {
            for (int l = 0; l <= k; l++)
            {
                double sum = a[k, l];
                for (int m = 0; m < l; m++)
                {
                    sum -= factor[k, m] * factor[l, m];
                }

                if (k == l)
                {
                    // Rounding can leave a perfectly correlated pair a hair below zero.
                    factor[k, k] = Math.Sqrt(Math.Max(sum, Jitter));
                }
                else
                {
                    factor[k, l] = sum / factor[l, l];
                }
            }
        }

        return factor;
    }
}
