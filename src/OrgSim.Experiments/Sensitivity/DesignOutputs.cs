using System.Globalization;

namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// One model output at every point of a design, fed back by point index in any order, as runs
/// finish. An estimator reads it once every point has its value.
/// </summary>
public sealed class DesignOutputs
{
    private readonly double[] _values;
    private readonly bool[] _has;

    /// <summary>Room for the outputs of every point of <paramref name="design"/>, none set yet.</summary>
    public DesignOutputs(SensitivityDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        _values = new double[design.PointCount];
        _has = new bool[design.PointCount];
        Missing = design.PointCount;
    }

    /// <summary>How many points the outputs are for.</summary>
    public int Count => _values.Length;

    /// <summary>How many points have no output yet.</summary>
    public int Missing { get; private set; }

    /// <summary>Whether every point has its output.</summary>
    public bool IsComplete => Missing == 0;

    /// <summary>The output at point <paramref name="point"/>; throws if it has not been set.</summary>
    public double this[int point] => Has(point) ? _values[point] : throw new InvalidOperationException($"point {point} has no output yet");

    /// <summary>Whether point <paramref name="point"/> has its output.</summary>
    public bool Has(int point)
    {
        CheckPoint(point);
        return _has[point];
    }

    /// <summary>
    /// Records the output of point <paramref name="point"/>, replacing an earlier one. It must be a
    /// finite number: an estimator cannot use a missing or infinite output, and what to put in its
    /// place (a run that never reached 50%, say) is the caller's decision, not the estimator's.
    /// </summary>
    public void Set(int point, double value)
    {
        CheckPoint(point);
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, string.Create(CultureInfo.InvariantCulture, $"the output of point {point} is {value}; must be a finite number"));
        }

        if (!_has[point])
        {
            _has[point] = true;
            Missing--;
        }

        _values[point] = value;
    }

    /// <summary>
    /// The outputs of <paramref name="outputs"/> in point order, for an estimator of
    /// <paramref name="design"/>; throws unless they are for that design and every point has one.
    /// </summary>
    internal static ReadOnlySpan<double> CompleteFor(SensitivityDesign design, DesignOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(outputs);
        if (design.PointCount != outputs.Count)
        {
            throw new ArgumentException($"there are outputs for {outputs.Count} points; the design has {design.PointCount}", nameof(outputs));
        }

        if (!outputs.IsComplete)
        {
            int first = Array.IndexOf(outputs._has, false);
            throw new ArgumentException($"{outputs.Missing} of {outputs.Count} points have no output yet, the first is point {first}", nameof(outputs));
        }

        return outputs._values;
    }

    private void CheckPoint(int point)
    {
        if ((uint)point >= (uint)_values.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(point), point, $"should be in range [0, {_values.Length - 1}]");
        }
    }
}
