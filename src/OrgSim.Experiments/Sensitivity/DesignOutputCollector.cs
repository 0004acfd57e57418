namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// Gathers, point by point as the records are read, the value of every output of a sensitivity
/// analysis: the mean over the point's replicates of each term's metric. An output is defined at a
/// point when every replicate of each of its arms has its metric; then the mean of a contrast's
/// paired differences equals the difference of the means, which is what is kept.
/// </summary>
public sealed class DesignOutputCollector
{
    private readonly SensitivitySpec _spec;
    private readonly IReadOnlyList<string> _arms;
    private readonly int _replicates;
    private readonly int _points;
    private readonly IReadOnlyList<SensitivityOutput> _outputs;

    // [output][term][point]: the term's mean over replicates, NaN until every replicate gave a value.
    private readonly double[][][] _termMeans;

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
        _termMeans = _outputs.Select(o => o.Terms().Select(_ => Enumerable.Repeat(double.NaN, points).ToArray()).ToArray()).ToArray();
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
                    _termMeans[o][t][point] = MeanOf(metric, replicates);
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
            analyses.Add(!outputs.IsComplete
                ? new OutputAnalysis(_outputs[o], null, null, outputs.Missing, mean, spread)
                : design is MorrisDesign morris
                    ? new OutputAnalysis(_outputs[o], MorrisEstimator.Estimate(morris, outputs), null, 0, mean, spread)
                    : new OutputAnalysis(_outputs[o], null, SobolEstimator.Estimate((SaltelliDesign)design, outputs, _spec.Resamples), 0, mean, spread));
        }

        return analyses;
    }

    /// <summary>The value of output <paramref name="output"/> at point <paramref name="point"/>; NaN where it is undefined.</summary>
    public double Value(int output, int point)
    {
        double[][] terms = _termMeans[output];
        return terms.Length == 1 ? terms[0][point] : terms[0][point] - terms[1][point];
    }

    /// <summary>The outputs, in the section's order.</summary>
    public IReadOnlyList<SensitivityOutput> Outputs => _outputs;

    private static double MeanOf(string metric, IReadOnlyList<IReadOnlyList<KeyValuePair<string, double?>>> replicates)
    {
        double sum = 0;
        foreach (IReadOnlyList<KeyValuePair<string, double?>> run in replicates)
        {
            double? value = run.FirstOrDefault(kv => kv.Key == metric).Value;
            if (value is not double v || !double.IsFinite(v))
            {
                return double.NaN;
            }

            sum += v;
        }

        return sum / replicates.Count;
    }
}
