using System.Globalization;

namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// One input of a sensitivity analysis: its name, the interval it varies over and the scale on
/// which it varies. Designs work in the unit hypercube; this type alone turns a unit coordinate
/// into the value a run uses.
/// </summary>
public sealed class ParameterRange
{
    /// <summary>Declares the range; throws <see cref="ArgumentException"/> with the first of <see cref="Problems"/>.</summary>
    /// <param name="name">What the parameter is called (for OrgSim, its key path); not blank.</param>
    /// <param name="low">The smallest value, finite; above 0 when <paramref name="scale"/> is log-uniform.</param>
    /// <param name="high">The largest value, finite and above <paramref name="low"/>.</param>
    /// <param name="scale">Uniform (the default) or log-uniform.</param>
    public ParameterRange(string name, double low, double high, ParameterScale scale = ParameterScale.Uniform)
    {
        List<(string Argument, string Message)> problems = Check(name, low, high, scale);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems.Select(p => p.Message)), problems[0].Argument);
        }

        Name = name;
        Low = low;
        High = high;
        Scale = scale;
    }

    /// <summary>What the parameter is called.</summary>
    public string Name { get; }

    /// <summary>The smallest value, taken at unit coordinate 0.</summary>
    public double Low { get; }

    /// <summary>The largest value, taken at unit coordinate 1.</summary>
    public double High { get; }

    /// <summary>Uniform or log-uniform.</summary>
    public ParameterScale Scale { get; }

    /// <summary>
    /// Everything wrong with a range, one sentence each, empty when it is valid. Scenario
    /// validation reports these with the file and line; the constructor throws them.
    /// </summary>
    public static IReadOnlyList<string> Problems(string? name, double low, double high, ParameterScale scale) =>
        Check(name, low, high, scale).ConvertAll(p => p.Message);

    /// <summary>
    /// The value at unit coordinate <paramref name="unit"/>: exactly <see cref="Low"/> at 0 and
    /// <see cref="High"/> at 1, and never outside [low, high] in between.
    /// </summary>
    public double ValueAt(double unit)
    {
        if (!(unit >= 0 && unit <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "should be in range [0, 1]");
        }

        // The ends are exact: a design point at level 0 or 1 asks for the range's own bounds.
        if (unit == 0 || unit == 1)
        {
            return unit == 0 ? Low : High;
        }

        double value = Scale == ParameterScale.LogUniform
            ? Math.Exp(Math.Log(Low) + (unit * (Math.Log(High) - Math.Log(Low))))
            : Low + (unit * (High - Low));

        // exp(log(x)) can land one ulp outside the range near its ends; a design point must never
        // ask for a value the scenario's range forbids.
        return Math.Clamp(value, Low, High);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name} in [{Format(Low)}, {Format(High)}]{(Scale == ParameterScale.LogUniform ? " (log-uniform)" : string.Empty)}");

    private static List<(string Argument, string Message)> Check(string? name, double low, double high, ParameterScale scale)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add((nameof(name), "name is empty; every parameter needs a name"));
        }

        string who = string.IsNullOrWhiteSpace(name) ? "the parameter" : $"'{name}'";
        if (!Enum.IsDefined(scale))
        {
            problems.Add((nameof(scale), $"scale of {who} is {(int)scale}; must be uniform or log-uniform"));
        }

        bool finite = true;
        if (!double.IsFinite(low))
        {
            problems.Add((nameof(low), $"low of {who} is {Format(low)}; must be a finite number"));
            finite = false;
        }

        if (!double.IsFinite(high))
        {
            problems.Add((nameof(high), $"high of {who} is {Format(high)}; must be a finite number"));
            finite = false;
        }

        if (finite && !(low < high))
        {
            problems.Add((nameof(high), $"range of {who} is [{Format(low)}, {Format(high)}]; low must be below high"));
        }

        if (finite && scale == ParameterScale.LogUniform && low <= 0)
        {
            problems.Add((nameof(low), $"low of {who} is {Format(low)}; a log-uniform range must start above 0"));
        }

        return problems;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
