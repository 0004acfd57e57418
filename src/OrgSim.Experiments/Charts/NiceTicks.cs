using System.Globalization;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// Axis ticks at nice numbers: steps of 1, 2 or 5 × 10^k, the smallest that needs at most
/// <c>maxTicks</c> ticks. Tick values are rounded to the step's decimals, so 0.6 is 0.6 and not
/// 0.6000000000000001.
/// </summary>
internal static class NiceTicks
{
    private const double Tolerance = 1e-9;

    /// <summary>
    /// The smallest step 1, 2 or 5 × 10^k that needs at most <paramref name="maxTicks"/> ticks over
    /// [<paramref name="min"/>, <paramref name="max"/>], both ends rounded outwards to a multiple of
    /// the step (<paramref name="inside"/> false) or inwards (true).
    /// </summary>
    private static double Step(double min, double max, int maxTicks, bool inside)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 2);
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            // NaN would never satisfy the loop below: a chart of an undefined value must fail, not hang.
            throw new ArgumentException($"an axis needs finite ends, not [{min}, {max}]", nameof(min));
        }

        int k = (int)Math.Floor(Math.Log10((max - min) / (maxTicks - 1)));
        for (; ; k++)
        {
            foreach (int m in (int[])[1, 2, 5])
            {
                double step = m * Math.Pow(10, k);
                (double first, double last) = inside ? Inner(min, max, step) : Outer(min, max, step);
                if (last - first <= maxTicks - 1)
                {
                    return step;
                }
            }
        }
    }

    /// <summary>Ticks from a multiple of the step at or below <paramref name="min"/> to one at or above <paramref name="max"/>: 0–105 gives 0, 20, …, 120.</summary>
    public static IReadOnlyList<double> Covering(double min, double max, int maxTicks = 7)
    {
        (min, max) = Span(min, max);
        double step = Step(min, max, maxTicks, inside: false);
        (double first, double last) = Outer(min, max, step);
        return Ticks(first, last, step);
    }

    /// <summary>The ticks within [<paramref name="min"/>, <paramref name="max"/>], for an axis whose ends are fixed: weeks 0–104 give 0, 20, …, 100.</summary>
    public static IReadOnlyList<double> Inside(double min, double max, int maxTicks = 7)
    {
        (min, max) = Span(min, max);
        double step = Step(min, max, maxTicks, inside: true);
        (double first, double last) = Inner(min, max, step);
        return Ticks(first, last, step);
    }

    /// <summary><paramref name="value"/> with as many decimals as the step between <paramref name="ticks"/> needs.</summary>
    public static string Label(double value, IReadOnlyList<double> ticks)
    {
        double step = ticks.Count > 1 ? ticks[1] - ticks[0] : 1;
        return value.ToString("F" + Decimals(step).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>The multiples of <paramref name="step"/> (as counts of steps) at or outside the ends.</summary>
    private static (double First, double Last) Outer(double min, double max, double step) =>
        (Math.Floor((min / step) + Tolerance), Math.Ceiling((max / step) - Tolerance));

    /// <summary>The multiples of <paramref name="step"/> (as counts of steps) at or inside the ends.</summary>
    private static (double First, double Last) Inner(double min, double max, double step) =>
        (Math.Ceiling((min / step) - Tolerance), Math.Floor((max / step) + Tolerance));

    private static int Decimals(double step) => Math.Max(0, -(int)Math.Floor(Math.Log10(step) + Tolerance));

    private static List<double> Ticks(double first, double last, double step)
    {
        int decimals = Decimals(step);
        var ticks = new List<double>();
        for (double i = first; i <= last; i++)
        {
            double tick = Math.Round(i * step, decimals);
            ticks.Add(tick == 0 ? 0 : tick);
        }

        return ticks;
    }

    /// <summary>An empty range (one value, or no data) widens to one unit so an axis can still be drawn.</summary>
    private static (double Min, double Max) Span(double min, double max) => max > min ? (min, max) : (min, min + 1);
}
