using System.Globalization;

namespace OrgSim.Experiments.Report;

/// <summary>
/// Numbers and spans of time as the report and the terminal both write them, so that the two never
/// round or word the same value differently.
/// </summary>
public static class PlainNumbers
{
    private static readonly string[] Years = ["one year", "two years", "three years", "four years", "five years"];

    /// <summary>
    /// <paramref name="value"/> with one decimal, halves rounded away from zero (89.85 → "89.9"),
    /// in the invariant culture; never "-0.0".
    /// </summary>
    /// <remarks>
    /// "F1" formatting rounds the binary value, and 89.85 is stored as 89.8499…, so it would print
    /// 89.8 where <see cref="Math.Round(double, int, MidpointRounding)"/> gives 89.9. Adding 0.0 turns
    /// a rounded −0 into 0.
    /// </remarks>
    public static string OneDecimal(double value) =>
        (Math.Round(value, 1, MidpointRounding.AwayFromZero) + 0.0).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A horizon in words: "two years" for 104 weeks (whole years of 52 weeks up to five), else
    /// "30 weeks" ("1 week" for one).
    /// </summary>
    public static string Span(int weeks) =>
        weeks > 0 && weeks % 52 == 0 && weeks / 52 <= Years.Length ? Years[(weeks / 52) - 1]
        : weeks.ToString(CultureInfo.InvariantCulture) + (weeks == 1 ? " week" : " weeks");

    /// <summary>A share as a whole per cent, for sentences without intervals — except near the ends: 0.997 is "99.7%", not "100%", and 0.003 "0.3%", not "0%".</summary>
    public static string WholePercent(double share)
    {
        int whole = (int)Math.Round(100 * share, MidpointRounding.AwayFromZero);
        return (whole == 100 && share < 1) || (whole == 0 && share > 0) ? OneDecimal(100 * share) + "%" : whole.ToString(CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>"within two years", "within 30 weeks".</summary>
    public static string Within(int weeks) => "within " + Span(weeks);

    /// <summary>
    /// A span of weeks with what a manager would call it: "3 weeks", "35 weeks (about 8 months)",
    /// "104 weeks (two years)", "130 weeks (about 2.5 years)". Months are weeks × 12 / 52 rounded;
    /// from two years on, years to the half. The weeks come first, so "for the first …" reads.
    /// </summary>
    public static string Duration(int weeks)
    {
        string exact = weeks.ToString(CultureInfo.InvariantCulture) + (weeks == 1 ? " week" : " weeks");
        if (weeks < 9)
        {
            return exact;
        }

        if (weeks % 52 == 0 && weeks / 52 <= Years.Length)
        {
            return exact + " (" + Years[(weeks / 52) - 1] + ")";
        }

        if (weeks < 104)
        {
            int months = (int)Math.Round(weeks * 12 / 52.0, MidpointRounding.AwayFromZero);
            return exact + " (about " + months.ToString(CultureInfo.InvariantCulture) + " months)";
        }

        double years = Math.Round(weeks / 52.0 * 2, MidpointRounding.AwayFromZero) / 2;
        return exact + " (about " + years.ToString("0.#", CultureInfo.InvariantCulture) + " years)";
    }
}
