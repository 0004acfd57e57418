namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// Morris's elementary effects and their summaries μ, μ* and σ per parameter, from the outputs
/// at the points of a <see cref="MorrisDesign"/>.
/// </summary>
/// <remarks>
/// <para>
/// At step j of a trajectory, parameter i moves by ±Δ and nothing else changes, so its elementary
/// effect is EE = (y_j − y_{j−1}) / (±Δ) (Morris 1991). Each trajectory gives one effect of each
/// parameter; μ is their mean, μ* the mean of their absolute values (Campolongo, Cariboni and
/// Saltelli 2007), σ their standard deviation with divisor r − 1, as in SALib.
/// </para>
/// <para>
/// Effects are taken in unit coordinates, whatever the parameter's scale: Δ is a share of the
/// parameter's range, uniform or log-uniform, so an effect reads "change in the output when the
/// parameter moves across its whole range, at this slope", comparable between parameters with
/// different units. For a log-uniform parameter that is the slope against the logarithm of the
/// value, the scale on which it was sampled; dividing by the change in the value itself would
/// weigh the top of a range spanning decades far less than the bottom.
/// </para>
/// </remarks>
public static class MorrisEstimator
{
    /// <summary>μ, μ* and σ of every parameter of <paramref name="design"/> for one output.</summary>
    /// <param name="design">The design the outputs were computed at.</param>
    /// <param name="outputs">The output at every point of the design.</param>
    public static MorrisAnalysis Estimate(MorrisDesign design, DesignOutputs outputs)
    {
        ReadOnlySpan<double> y = DesignOutputs.CompleteFor(design, outputs);
        int k = design.Parameters.Count, r = design.Trajectories;
        var effects = new double[k * r]; // [i·r + t]
        for (int t = 0; t < r; t++)
        {
            for (int step = 1; step <= k; step++)
            {
                int i = design.MovedParameter(t, step);
                int before = design.PointIndex(t, step - 1), after = before + 1;
                effects[(i * r) + t] = (y[after] - y[before]) / (design.Direction(t, i) * design.Delta);
            }
        }

        var indices = new MorrisIndices[k];
        for (int i = 0; i < k; i++)
        {
            ReadOnlySpan<double> ee = effects.AsSpan(i * r, r);
            double sum = 0, sumAbs = 0;
            foreach (double e in ee)
            {
                sum += e;
                sumAbs += Math.Abs(e);
            }

            double mu = sum / r, squares = 0;
            foreach (double e in ee)
            {
                squares += (e - mu) * (e - mu);
            }

            indices[i] = new MorrisIndices(design.Parameters[i].Name, mu, sumAbs / r, Math.Sqrt(squares / (r - 1)));
        }

        return new MorrisAnalysis(indices, r, design.PointCount);
    }
}
