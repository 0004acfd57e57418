namespace OrgSim.Experiments.Report;

/// <summary>
/// The report's answer in two or three sentences a manager understands, for the box at the top of
/// the report, the deck's second slide and the terminal: how far each arm got by the horizon, then
/// who leads early and who overtakes — or, without a crossover, who gets half the organisation there
/// first — and, when the arms clearly differ in it, which keeps its trained competence best. Plain text, no intervals (the findings below it carry them), no markup. For a sweep it is
/// the first point's, and says so.
/// </summary>
public static class KeyMessage
{
    private const string FinalShare = "competent_share_final";

    /// <summary>At most this many arms are named with their share; beyond it, the best and the least.</summary>
    private const int ArmsNamed = 4;

    /// <summary>The sentences, in reading order; empty for a sensitivity analysis, and when summary.csv has no final shares at the first point.</summary>
    public static IReadOnlyList<string> Compose(ResultTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);

        // A sensitivity design's points are scattered over many parameters by the design: its first
        // point is no scenario anyone asked about, and "what decides the answer" is the message.
        if (tables.Sensitivity.Count > 0)
        {
            return [];
        }

        const int point = 0;
        var arms = tables.Arms
            .Select(arm => (Arm: arm, Share: tables.Stat(point, arm, FinalShare)?.Mean))
            .Where(a => a.Share.HasValue)
            .Select(a => (a.Arm, Share: a.Share!.Value))
            .ToList();
        if (arms.Count == 0)
        {
            return [];
        }

        var sentences = new List<string> { Capitalise(SweepPrefix(tables) + Reach(tables, arms)) };
        string? second = CrossoverSentence(tables, point, arms) ?? HalfwaySentence(tables, point, arms);
        if (second is not null)
        {
            sentences.Add(second);
        }

        if (DurabilitySentence(tables, point) is { } lasting)
        {
            sentences.Add(lasting);
        }

        return sentences;
    }

    /// <summary>"At the first of 6 sweep points (model.transmission = 0.1), " — empty without a sweep.</summary>
    private static string SweepPrefix(ResultTables tables)
    {
        if (tables.Points.Count < 2 || tables.ParameterPaths.Count == 0)
        {
            return string.Empty;
        }

        string values = tables.PointValues(0);
        return "at the first of " + Markup.Integer(tables.Points.Count) + " sweep points (" + values + "), ";
    }

    /// <summary>
    /// "within two years, top-down makes 98% of the organisation competent; bottom-up, 22%." — best
    /// first; with more than <see cref="ArmsNamed"/> arms, only the best and the least.
    /// </summary>
    private static string Reach(ResultTables tables, List<(string Arm, double Share)> arms)
    {
        string within = PlainNumbers.Within(tables.HorizonWeeks);
        var ranked = arms.OrderByDescending(a => a.Share).ToList();
        if (ranked.Count == 1)
        {
            return within + ", " + ranked[0].Arm + " makes " + PlainNumbers.WholePercent(ranked[0].Share) + " of the organisation competent.";
        }

        if (ranked.Count > ArmsNamed)
        {
            return within + ", the best of the " + Markup.Integer(ranked.Count) + " arms, " + ranked[0].Arm + ", makes " + PlainNumbers.WholePercent(ranked[0].Share)
                + " of the organisation competent; the least, " + ranked[^1].Arm + ", " + PlainNumbers.WholePercent(ranked[^1].Share) + ".";
        }

        string rest = string.Join("; ", ranked.Skip(1).Select(a => a.Arm + ", " + PlainNumbers.WholePercent(a.Share)));
        string sentence = within + ", " + ranked[0].Arm + " makes " + PlainNumbers.WholePercent(ranked[0].Share) + " of the organisation competent; " + rest;
        return sentence + (ranked.Count == 2 && TooCloseToTell(tables, ranked[0].Arm, ranked[1].Arm) is int runs
            ? " — too close to tell apart in " + Markup.Integer(runs) + " paired runs."
            : ".");
    }

    /// <summary>The number of paired runs when the two arms' final shares cannot be told apart (the paired 95% interval includes zero); else null.</summary>
    private static int? TooCloseToTell(ResultTables tables, string a, string b)
    {
        StatRow? row = tables.Contrasts.FirstOrDefault(r => r.Point == 0 && r.Metric == FinalShare
            && ((r.Arm == a && r.ReferenceArm == b) || (r.Arm == b && r.ReferenceArm == a)));
        return row is { Low: double low, High: double high, N: >= 2 } && low <= 0 && high >= 0 ? row.N : null;
    }

    /// <summary>
    /// "Bottom-up leads for the first 35 weeks (about 8 months), then top-down overtakes." — how the
    /// arm that ends best took the lead: its last overtaking that most replicates share (an early
    /// leader it never passes again would not be the story); null when it never overtook anyone.
    /// With more than two arms the leader is said to be ahead "of" the best arm, since a third arm
    /// may have led both.
    /// </summary>
    private static string? CrossoverSentence(ResultTables tables, int point, List<(string Arm, double Share)> arms)
    {
        string best = arms.MaxBy(a => a.Share).Arm;
        List<Crossover> all = Crossover.Find(tables, point);
        Crossover? chosen = all
            .Where(c => c.Overtaker == best && (c.Replicates == 0 || 2 * c.Crossed > c.Replicates))
            .MaxBy(c => c.Week);
        if (chosen is null)
        {
            return null;
        }

        string ahead = arms.Count > 2 ? " is ahead of " + best : " leads";
        // When runs differ in who ends ahead, say how many: the mean curves hide it.
        string ends = chosen.Replicates > 0 && chosen.EndedAhead < chosen.Replicates
            ? " and ends ahead in " + Markup.Integer(chosen.EndedAhead) + " of " + Markup.Integer(chosen.Replicates) + " runs"
            : string.Empty;
        if (chosen.Order == 0)
        {
            return Capitalise(chosen.Leader) + ahead + " for the first " + PlainNumbers.Duration(chosen.Week) + ", then " + best + " overtakes" + ends + ".";
        }

        // The best arm led first, fell behind, and came back: say from when the other was ahead.
        int since = all.First(c => c.Order == chosen.Order - 1 && c.Overtaker == chosen.Leader && c.Leader == best).Week;
        return Capitalise(chosen.Leader) + ahead + " from week " + Markup.Integer(since) + " to week " + Markup.Integer(chosen.Week - 1)
            + ", then " + best + " overtakes" + ends + ".";
    }

    /// <summary>
    /// "Top-down gets half the organisation competent in 64 weeks (about 15 months); bottom-up does
    /// not within two years." — the fastest arm whose every run got there, and how the others fared;
    /// null when no arm got there in every run.
    /// </summary>
    private static string? HalfwaySentence(ResultTables tables, int point, List<(string Arm, double Share)> arms)
    {
        var reach = arms.Select(a => tables.HalfwayReach(point, a.Arm) is { } r
            ? (a.Arm, Weeks: (double?)r.MeanWeeks, Hits: r.Reached, N: r.Runs)
            : (a.Arm, Weeks: null, Hits: 0, N: 0)).ToList();
        var everyRun = reach.Where(r => r.N > 0 && r.Hits == r.N && r.Weeks.HasValue).OrderBy(r => r.Weeks!.Value).ToList();
        if (everyRun.Count == 0)
        {
            return null;
        }

        var fastest = everyRun[0];
        string sentence = Capitalise(fastest.Arm) + " gets half the organisation competent in " + PlainNumbers.Duration((int)Math.Round(fastest.Weeks!.Value, MidpointRounding.AwayFromZero));
        if (reach.Count != 2)
        {
            return sentence + (reach.Count == 1 ? "." : ", the soonest of the " + Markup.Integer(reach.Count) + " arms.");
        }

        var other = reach.First(r => r.Arm != fastest.Arm);
        string within = PlainNumbers.Within(tables.HorizonWeeks);
        string tail = other.Hits == 0 ? other.Arm + " does not " + within
            : other.Hits < other.N ? other.Arm + " does " + within + " in only " + Markup.Integer(other.Hits) + " of " + Markup.Integer(other.N) + " runs"
            : other.Arm + " in " + PlainNumbers.Duration((int)Math.Round(other.Weeks!.Value, MidpointRounding.AwayFromZero));
        return sentence + "; " + tail + ".";
    }

    /// <summary>
    /// "One year after training, store-teams keeps 100% of what its trained people learnt;
    /// leadership, 91%." — the arms that keep the most and the least of their trained competence,
    /// when they differ by at least <see cref="ClearRetentionGap"/> and their 95% intervals do not
    /// overlap; null otherwise, so the message stays short when lasting is not where arms differ.
    /// </summary>
    private static string? DurabilitySentence(ResultTables tables, int point)
    {
        var kept = tables.Arms
            .Select(arm => tables.Stat(point, arm, "retention"))
            .OfType<StatRow>()
            .Where(r => r is { Mean: not null, Low: not null, High: not null })
            .OrderByDescending(r => r.Mean!.Value)
            .ToList();
        if (kept.Count < 2)
        {
            return null;
        }

        StatRow most = kept[0], least = kept[^1];
        if (most.Mean!.Value - least.Mean!.Value < ClearRetentionGap || least.High!.Value >= most.Low!.Value)
        {
            return null;
        }

        string after = Capitalise(PlainNumbers.Span(tables.RetentionWeeks)) + " after training, ";
        return after + most.Arm + " keeps " + PlainNumbers.WholePercent(most.Mean.Value) + " of what its trained people learnt; "
            + (kept.Count > 2 ? "the least, " : string.Empty) + least.Arm + ", " + PlainNumbers.WholePercent(least.Mean.Value) + ".";
    }

    /// <summary>Five percentage points of retention: a gap a manager would act on.</summary>
    private const double ClearRetentionGap = 0.05;

    private static string Capitalise(string text) => text.Length == 0 || !char.IsLower(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
