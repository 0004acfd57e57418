using MathNet.Numerics.Statistics;
using OrgSim.Core.Randomness;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// First-order and total Sobol' indices with bootstrap 95% intervals, from the outputs at the
/// points of a <see cref="SaltelliDesign"/>.
/// </summary>
/// <remarks>
/// <para>
/// With f(A), f(B) and f(A_B^i) the outputs at the rows of each matrix and V the variance of the
/// 2N values of f(A) and f(B) together (divisor 2N):
/// S1_i = mean(f(B) · (f(A_B^i) − f(A))) / V, the estimator of Saltelli et al. (2010, table 2,
/// b), and ST_i = mean((f(A) − f(A_B^i))²) / 2 / V, Jansen's (1999), both as SALib and SciPy
/// compute them. Before S1 the outputs are centred on the mean of f(A) and f(B), as SciPy does:
/// the expectation is unchanged, but an output far from zero (a share near 1, weeks near 100)
/// would otherwise add the noise of mean · (f(A_B^i) − f(A)) to every term. Estimates are not
/// clipped to [0, 1]: a slightly negative S1 says the index is zero within the noise.
/// </para>
/// <para>
/// The intervals are bootstrap percentile intervals: the N rows are resampled with replacement
/// (a row carries its f(A), f(B) and every f(A_B^i) together, so the pairing the estimators rely
/// on stays), the indices recomputed, and the 2.5th and 97.5th percentiles taken (linear
/// interpolation between order statistics, type 7). The resampling treats the rows as
/// independent draws, which scrambled Sobol' rows are better than, so the intervals are on the
/// wide side. Resample b draws row j as <see cref="CounterRng.Below"/> at counter j of a stream
/// keyed by the seed and b: the same design and outputs give the same intervals on any machine.
/// </para>
/// <para>
/// When every output is the same, V is 0 and the indices are undefined: every value is NaN.
/// </para>
/// </remarks>
public static class SobolEstimator
{
    /// <summary>The number of bootstrap resamples unless told otherwise.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>The fewest resamples that give a 95% percentile interval worth the name.</summary>
    public const int MinResamples = 100;

    /// <summary>S1 and ST of every parameter of <paramref name="design"/> for one output.</summary>
    /// <param name="design">The design the outputs were computed at.</param>
    /// <param name="outputs">The output at every point of the design.</param>
    /// <param name="resamples">Bootstrap resamples, at least <see cref="MinResamples"/>; <see cref="DefaultResamples"/> by default.</param>
    /// <param name="bootstrapSeed">The seed of the resampling; by default one derived from the design's seed.</param>
    public static SobolAnalysis Estimate(SaltelliDesign design, DesignOutputs outputs, int resamples = DefaultResamples, ulong? bootstrapSeed = null)
    {
        ReadOnlySpan<double> y = DesignOutputs.CompleteFor(design, outputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, MinResamples);
        var samples = new Samples(design, y);
        int k = samples.K, n = samples.N;

        Span<double> first = new double[k], total = new double[k];
        double variance = samples.Indices([.. Enumerable.Range(0, n)], first, total);

        var bootFirst = new double[k * resamples]; // [i·resamples + b]
        var bootTotal = new double[k * resamples];
        var rows = new int[n];
        Span<double> s1 = new double[k], st = new double[k];
        ulong key = bootstrapSeed ?? SeedDerivation.Derive(design.Seed, "sobol-bootstrap", 0);
        for (int b = 0; b < resamples; b++)
        {
            ulong resampleKey = CounterRng.Key(key, (ulong)b);
            for (int j = 0; j < n; j++)
            {
                rows[j] = CounterRng.Below(resampleKey, (ulong)j, n);
            }

            samples.Indices(rows, s1, st);
            for (int i = 0; i < k; i++)
            {
                bootFirst[(i * resamples) + b] = s1[i];
                bootTotal[(i * resamples) + b] = st[i];
            }
        }

        var indices = new SobolIndices[k];
        for (int i = 0; i < k; i++)
        {
            indices[i] = new SobolIndices(
                design.Parameters[i].Name,
                Interval(first[i], bootFirst.AsSpan(i * resamples, resamples)),
                Interval(total[i], bootTotal.AsSpan(i * resamples, resamples)));
        }

        return new SobolAnalysis(indices, n, design.PointCount, resamples, variance);
    }

    private static IndexEstimate Interval(double value, Span<double> bootstrap)
    {
        // A resample whose outputs are all equal has no variance and no index; it says nothing
        // about the spread of the others.
        double[] defined = [.. bootstrap.ToArray().Where(double.IsFinite)];
        if (double.IsNaN(value) || defined.Length == 0)
        {
            return new IndexEstimate(double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(defined);
        double tail = (1 - ConfidenceIntervals.Level) / 2;
        return new IndexEstimate(
            value,
            SortedArrayStatistics.QuantileCustom(defined, tail, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(defined, 1 - tail, QuantileDefinition.R7));
    }

    /// <summary>The outputs of a design sorted by matrix: f(A), f(B) and f(A_B^i) as arrays over rows.</summary>
    private sealed class Samples
    {
        private readonly double[] _a, _b, _ab; // _ab[i·N + row]

        public Samples(SaltelliDesign design, ReadOnlySpan<double> y)
        {
            K = design.Parameters.Count;
            N = design.BaseSamples;
            _a = new double[N];
            _b = new double[N];
            _ab = new double[K * N];
            for (int row = 0; row < N; row++)
            {
                _a[row] = y[design.IndexOfA(row)];
                _b[row] = y[design.IndexOfB(row)];
                for (int i = 0; i < K; i++)
                {
                    _ab[(i * N) + row] = y[design.IndexOfAB(row, i)];
                }
            }
        }

        public int K { get; }

        public int N { get; }

        /// <summary>
        /// Writes S1 and ST over the N rows <paramref name="rows"/> (each row once, or a bootstrap
        /// resample) and returns the variance they divide by.
        /// </summary>
        public double Indices(int[] rows, Span<double> first, Span<double> total)
        {
            // Sums are taken relative to one of the outputs: that keeps digits when the outputs
            // are large next to their spread, and makes V exactly 0 when they are all equal.
            double origin = _a[rows[0]], sum = 0;
            for (int j = 0; j < N; j++)
            {
                int row = rows[j];
                sum += _a[row] - origin + (_b[row] - origin);
            }

            double mean = sum / (2.0 * N), squares = 0; // relative to origin
            for (int j = 0; j < N; j++)
            {
                int row = rows[j];
                double a = _a[row] - origin - mean, b = _b[row] - origin - mean;
                squares += (a * a) + (b * b);
            }

            double variance = squares / (2.0 * N);
            for (int i = 0; i < K; i++)
            {
                ReadOnlySpan<double> ab = _ab.AsSpan(i * N, N);
                double s1 = 0, st = 0;
                for (int j = 0; j < N; j++)
                {
                    int row = rows[j];
                    double difference = ab[row] - _a[row];
                    s1 += (_b[row] - origin - mean) * difference;
                    st += difference * difference;
                }

                first[i] = variance > 0 ? s1 / N / variance : double.NaN;
                total[i] = variance > 0 ? st / (2.0 * N) / variance : double.NaN;
            }

            return variance;
        }
    }
}
