namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// Gathers, point by point as the records are read, the value of every output of a sensitivity
/// analysis: the mean over the point's replicates of each term's metric. An output is defined at a
/// point when every replicate of each of its arms has its metric. Its value there is the mean over
/// replicates (for a contrast, of the paired differences, replicate by replicate), and its standard
/// error the replicates' standard deviation over √n: the Monte Carlo noise in the value, which the
/// analysis compares the effects with.
/// </summary>
public sealed class DesignOutputCollector
{
    private readonly SensitivitySpec _spec;
    private readonly IReadOnlyList<string> _arms;
    private readonly int _replicates;
    private readonly int _points;
    private readonly IReadOnlyList<SensitivityOutput> _outputs;

    // [output][term][point]: the term's value in each replicate, null until every replicate gave one.
    private readonly double[]?[][][] _termValues;

    // [arm][point]: whether every replicate of the arm at the point was read.
    private readonly bool[][] _read;

    /// <summary>Room for every output at every point of <paramref name="spec"/>'s design.</summary>
    /// <param name="spec">The analysis.</param>
    /// <param name="arms">The scenario's arms, in order.</param>
    /// <param name="points">The design's points.</param>
    /// <param name="replicates">Replicates per arm and point.</param>
    public DesignOutputCollector(SensitivitySpec spec, IReadOnlyList<string> arms, int points, int replicates)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(arms);
        _spec = spec;
        _arms = arms;
        _points = points;
        _replicates = replicates;
        _outputs = spec.ParsedOutputs(arms);
        _termValues = _outputs.Select(o => o.Terms().Select(_ => new double[]?[points]).ToArray()).ToArray();
        _read = arms.Select(_ => new bool[points]).ToArray();
    }

    /// <summary>
    /// Takes the metrics of arm <paramref name="arm"/>'s runs at point <paramref name="point"/>, one
    /// list per replicate recorded; fewer than every replicate leaves the point undefined for it.
    /// </summary>
    public void AddArm(int point, int arm, IReadOnlyList<IReadOnlyList<KeyValuePair<string, double?>>> replicates)
    {
        ArgumentNullException.ThrowIfNull(replicates);
        if (replicates.Count != _replicates)
        {
            return;
        }

        _read[arm][point] = true;
        for (int o = 0; o < _outputs.Count; o++)
        {
            int t = 0;
            foreach (var (metric, armName) in _outputs[o].Terms())
            {
                if (armName == _arms[arm])
                {
                    _termValues[o][t][point] = ValuesOf(metric, replicates);
                }

                t++;
            }
        }
    }

    /// <summary>
    /// The analysis of each output, or null when some runs of the arms the outputs name were not read
    /// (a shard's folder): an estimator needs every point.
    /// </summary>
    public IReadOnlyList<OutputAnalysis>? Analyse()
    {
        var used = _outputs.SelectMany(o => o.Terms()).Select(t => _arms.ToList().IndexOf(t.Arm)).Distinct();
        if (used.Any(arm => _read[arm].Contains(false)))
        {
            return null;
        }

        SensitivityDesign design = _spec.CreateDesign();
        var analyses = new List<OutputAnalysis>(_outputs.Count);
        for (int o = 0; o < _outputs.Count; o++)
        {
            var outputs = new DesignOutputs(design);
            var values = new List<double>(_points);
            for (int p = 0; p < _points; p++)
            {
                double value = Value(o, p);
                if (double.IsFinite(value))
                {
                    outputs.Set(p, value);
                    values.Add(value);
                }
            }

            double mean = outputs.IsComplete ? values.Average() : double.NaN;
            double spread = outputs.IsComplete && values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : double.NaN;
            double error = outputs.IsComplete ? Math.Sqrt(Enumerable.Range(0, _points).Average(p => Square(StandardError(o, p)))) : double.NaN;
            // An output the same at every point has no variance to share out: Sobol's ratios would be
            // 0/0. It is said to be constant, for either method, and not estimated.
            bool constant = outputs.IsComplete && values.All(v => v == values[0]);
            analyses.Add(!outputs.IsComplete || constant
                ? new OutputAnalysis(_outputs[o], null, null, outputs.Missing, mean, spread, error)
                : design is MorrisDesign morris
                    ? new OutputAnalysis(_outputs[o], MorrisEstimator.Estimate(morris, outputs), null, 0, mean, spread, error) { NoiseMuStar = MorrisNoise(error, morris.Delta) }
                    : new OutputAnalysis(_outputs[o], null, SobolEstimator.Estimate((SaltelliDesign)design, outputs, _spec.Resamples), 0, mean, spread, error));
        }

        return analyses;
    }

    /// <summary>The value of output <paramref name="output"/> at point <paramref name="point"/>; NaN where it is undefined.</summary>
    public double Value(int output, int point)
    {
        double sum = 0;
        int n = 0;
        foreach (double difference in Replicates(output, point))
        {
            sum += difference;
            n++;
        }

        return n == 0 ? double.NaN : sum / n;
    }

    /// <summary>The standard error of <see cref="Value"/>: the replicates' standard deviation over √n; NaN with fewer than two replicates or no value.</summary>
    public double StandardError(int output, int point)
    {
        double mean = Value(output, point);
        int n = 0;
        double squares = 0;
        foreach (double difference in Replicates(output, point))
        {
            squares += (difference - mean) * (difference - mean);
            n++;
        }

        return n < 2 ? double.NaN : Math.Sqrt(squares / (n - 1) / n);
    }

    /// <summary>
    /// The μ* a parameter with no effect at all would show from the noise in the points' values
    /// alone: an elementary effect is the difference of two values over Δ, so with independent noise
    /// of standard error s in each its standard deviation is √2·s/Δ, and the mean of its absolute
    /// value √(2/π) times that. Common random numbers make neighbouring points' noise agree, so the
    /// real floor is lower: this is an upper bound.
    /// </summary>
    public static double MorrisNoise(double standardError, double delta) => Math.Sqrt(2 / Math.PI) * Math.Sqrt(2) * standardError / delta;

    /// <summary>The outputs, in the section's order.</summary>
    public IReadOnlyList<SensitivityOutput> Outputs => _outputs;

    /// <summary>Each replicate's value of the output at the point (a contrast's paired differences); empty where it is undefined.</summary>
    private IEnumerable<double> Replicates(int output, int point)
    {
        double[]?[][] terms = _termValues[output];
        double[]? first = terms[0][point], second = terms.Length > 1 ? terms[1][point] : null;
        if (first is null || (terms.Length > 1 && second is null))
        {
            yield break;
        }

        for (int r = 0; r < first.Length; r++)
        {
            yield return second is null ? first[r] : first[r] - second[r];
        }
    }

    private static double Square(double x) => x * x;

    private static double[]? ValuesOf(string metric, IReadOnlyList<IReadOnlyList<KeyValuePair<string, double?>>> replicates)
    {
        var values = new double[replicates.Count];
        for (int r = 0; r < replicates.Count; r++)
        {
            double? value = replicates[r].FirstOrDefault(kv => kv.Key == metric).Value;
            if (value is not double v || !double.IsFinite(v))
            {
                return null;
            }

            values[r] = v;
        }

        return values;
    }
}
