using System.Globalization;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

/// <summary>Small result tables and org charts built by hand for the report tests.</summary>
internal static class ReportFixtures
{
    public const string Script = "<script>alert(1)</script>";

    public const int Horizon = 104;

    /// <summary>Four arms at point 0: one fast, one slower, one censored in 13 of 20 runs, one that never got there.</summary>
    public static ResultTables Tables(string referenceArm = "bottom-up", string question = "Does it spread faster bottom-up or top-down?\n\nHow to read the answer: see summary.csv.") => new()
    {
        Name = "quickstart",
        Description = "Top-down versus bottom-up.",
        Question = question,
        HorizonWeeks = Horizon,
        Arms = [referenceArm, "top-down", "random", "nobody"],
        ParameterPaths = [],
        Points = [[]],
        Series = [],
        Summary =
        [
            new(0, referenceArm, "competent_share_final", 0.813, 0.790, 0.835, 20),
            new(0, referenceArm, "weeks_to_50pct", 14, 12, 16, 20),
            new(0, referenceArm, "reached_50pct", 1, 0.84, 1, 20),
            new(0, "top-down", "competent_share_final", 0.689, 0.650, 0.720, 20),
            new(0, "top-down", "weeks_to_50pct", 31, 28, 35, 20),
            new(0, "top-down", "reached_50pct", 1, 0.84, 1, 20),
            new(0, "random", "competent_share_final", 0.5, 0.45, 0.55, 20),
            new(0, "random", "weeks_to_50pct", 98.3, 90, 105, 20),
            new(0, "random", "reached_50pct", 0.35, 0.18, 0.57, 20),
            new(0, "nobody", "competent_share_final", 0.01, 0.0, 0.02, 20),
            new(0, "nobody", "weeks_to_50pct", 105, 105, 105, 20),
            new(0, "nobody", "reached_50pct", 0, 0, 0.16, 20),
        ],
        Contrasts =
        [
            new(0, "top-down", "weeks_to_50pct", 17, 14.2, 19.8, 20, referenceArm),
            new(0, "top-down", "competent_share_final", -0.012, -0.03, 0.006, 20, referenceArm),
            new(0, "random", "weeks_to_50pct", 84.3, 80, 88.6, 20, referenceArm),
            new(0, "random", "competent_share_final", -0.313, -0.35, -0.28, 20, referenceArm),
        ],
    };

    /// <summary>
    /// Six teams in three levels (the third team is named like a script), two arms over
    /// <see cref="Horizon"/> weeks; team t of arm a is at (a + 1) × t × week % (capped at 100).
    /// </summary>
    public static OrgChart Chart(string secondArm = "top-down", string thirdTeam = Script)
    {
        OrgChartTeam[] teams =
        [
            new(10, -1, 0, 5, "CEO"),
            new(11, 0, 1, 8, "Ann"),
            new(12, 0, 1, 8, thirdTeam),
            new(13, 1, 2, 10, "team 13"),
            new(14, 1, 2, 10, "Bo"),
            new(15, 2, 2, 12, "Cy"),
        ];
        return new OrgChart(teams, [Arm("bottom-up", 1, teams.Length), Arm(secondArm, 2, teams.Length)], []);
    }

    public static OrgChartArm Arm(string name, int factor, int teams) => new(
        name,
        Enumerable.Range(0, Horizon + 1).Select(w => (IReadOnlyList<byte>)Enumerable.Range(0, teams).Select(t => (byte)Math.Min(100, factor * t * w)).ToList()).ToList());

    /// <summary>A chart of the given parents, team t labelled <c>label(t)</c> and sized <c>size(t)</c>, with one arm whose week-1 percentages are <c>percent(t)</c>.</summary>
    public static OrgChart Chart(IReadOnlyList<int> parents, Func<int, string> label, Func<int, int> size, Func<int, byte> percent)
    {
        var teams = parents.Select((p, t) => new OrgChartTeam(t, p, 0, size(t), label(t))).ToList();
        IReadOnlyList<byte> zero = teams.Select(_ => (byte)0).ToList();
        IReadOnlyList<byte> week1 = teams.Select((_, t) => percent(t)).ToList();
        return new OrgChart(teams, [new OrgChartArm("arm", [zero, week1])], []);
    }

    /// <summary>Runs <paramref name="action"/> under <paramref name="culture"/>.</summary>
    public static T InCulture<T>(string culture, Func<T> action)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
