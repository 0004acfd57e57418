namespace OrgSim.Experiments.Charts;

/// <summary>
/// Colours from the Okabe–Ito palette, which people with any common colour-vision deficiency can
/// tell apart. Arms keep the same colour in every chart.
/// </summary>
internal static class Palette
{
    // Yellow and black come last: yellow is faint as a line on white, black reads as an axis.
    private static readonly string[] Arms = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

    /// <summary>Stages 0–3 from light to dark; the two competent stages are the two blues.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["#DDDDDD", "#F0E442", "#56B4E9", "#0072B2"];

    /// <summary>Decisiveness, circularity, pacing, feedforward on the wheel.</summary>
    public static IReadOnlyList<string> Competencies { get; } = ["#D55E00", "#009E73", "#0072B2", "#E69F00"];

    public const string Grid = "#D0D0D0", Axis = "#444444", Muted = "#555555";

    /// <summary>The colour of the arm at <paramref name="index"/> in the scenario's order; colours repeat after eight arms.</summary>
    public static string Arm(int index) => Arms[index % Arms.Length];

    /// <summary>A sequential scale from near-white (0) to Okabe–Ito blue (1), for heatmaps.</summary>
    public static string Scale(double value)
    {
        double t = Math.Clamp(value, 0, 1);
        int Mix(int from, int to) => (int)Math.Round(from + ((to - from) * t));
        return $"#{Mix(0xF4, 0x00):X2}{Mix(0xF8, 0x72):X2}{Mix(0xFB, 0xB2):X2}";
    }

    /// <summary>Black or white, whichever reads better on the scale colour for <paramref name="value"/>.</summary>
    public static string TextOn(double value) => value > 0.55 ? "#FFFFFF" : "#000000";
}
