using System.Text;

namespace OrgSim.Experiments.Report;

/// <summary>
/// The report's findings in plain sentences with their numbers, from <c>summary.csv</c> and
/// <c>contrasts.csv</c> at the first sweep point: per arm the weeks to 50% competent and the
/// competent share at the horizon, then for each compared metric and each arm its difference from the
/// reference arm and whether its 95% interval excludes zero. Times to 50% are never compared as if
/// exact when runs did not get there: such runs count as H + 1 weeks in the tables, so the sentence
/// says in how many runs an arm did not get there within the horizon ("not within two years in 18 of
/// 20 runs"), never a mean beyond it, and that a difference resting on such runs is only a bound.
/// </summary>
internal static class FindingsWriter
{
    private const string WeeksTo50 = "weeks_to_50pct", Reached50 = "reached_50pct", FinalShare = "competent_share_final", Retention = "retention";

    /// <summary>The findings as HTML (names escaped).</summary>
    public static string Html(ResultTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var html = new StringBuilder();
        if (tables.ParameterPaths.Count > 0 && tables.Points.Count > 0)
        {
            string values = tables.PointValues(0);
            html.Append("<p>These findings and the charts are for the first point of the sweep (").Append(Markup.Escape(values)).Append(')');
            if (tables.Points.Count > 1)
            {
                html.Append("; only the heatmap and <code>summary.csv</code> cover all ").Append(Markup.Integer(tables.Points.Count)).Append(" points");
            }

            html.Append(".</p>\n");
        }

        var arms = tables.Arms.Where(a => tables.Summary.Any(r => r.Point == 0 && r.Arm == a)).ToList();
        if (arms.Count == 0)
        {
            html.Append("<p class=\"note\">summary.csv has no rows for this point, so there are no findings to state.</p>\n");
            return html.ToString();
        }

        html.Append("<ul class=\"findings\">\n");
        foreach (string arm in arms)
        {
            html.Append("<li>").Append(TimeToHalf(tables, arm)).Append(FinalShareSentence(tables, arm)).Append(RetentionSentence(tables, arm)).Append("</li>\n");
        }

        html.Append("</ul>\n");
        List<Crossover> crossovers = Crossover.Find(tables, 0);
        if (crossovers.Count > 0)
        {
            html.Append("<p>Where one arm overtakes another on the mean competent-share curves (a lead counts from half a percentage point):</p>\n<ul class=\"findings\">\n");
            // One item per pair of arms, its crossovers in time.
            for (int i = 0; i < crossovers.Count; i++)
            {
                html.Append(crossovers[i].Order == 0 ? "<li>" : " ").Append(CrossoverSentence(crossovers[i]));
                if (i + 1 == crossovers.Count || crossovers[i + 1].Order == 0)
                {
                    html.Append("</li>\n");
                }
            }

            html.Append("</ul>\n");
        }

        // The fine print: what the words mean and the paired comparisons, folded so that the page reads
        // as findings first; a statistician opens it.
        html.Append("<details class=\"fine-print\">\n<summary>The statistics behind these findings</summary>\n");
        html.Append("<p>“Competent” means an agent–competency pair at stage 2 (conscious competence) or 3 (habit); “50% competent” is half of all pairs, and “the organisation competent” is the share of all pairs. Intervals are 95% confidence intervals of the mean over runs.</p>\n");
        var contrasts = tables.Contrasts.Where(r => r.Point == 0 && r.Mean.HasValue).ToList();
        if (contrasts.Count > 0)
        {
            html.Append("<p>Arms are compared replicate by replicate with the reference arm: the runs of a replicate share their organisation and random numbers, so the comparison is paired.</p>\n<ul class=\"findings\">\n");
            foreach (var metric in contrasts.GroupBy(r => r.Metric))
            {
                foreach (StatRow row in metric.OrderBy(r => ArmOrder(tables, r.Arm)))
                {
                    html.Append("<li>").Append(Contrast(tables, row)).Append("</li>\n");
                }
            }

            html.Append("</ul>\n");
        }

        // A printed report is read without clicking: open the fine print for printing.
        html.Append("</details>\n<script>addEventListener(\"beforeprint\", () => document.querySelectorAll(\"details.fine-print\").forEach(d => d.open = true));</script>\n");
        return html.ToString();
    }

    private static string TimeToHalf(ResultTables tables, string arm)
    {
        string name = Name(arm);
        StatRow? weeks = tables.Stat(0, arm, WeeksTo50);
        if (weeks?.Mean is not double mean)
        {
            return name + " has no time to 50% competent in summary.csv.";
        }

        int horizon = tables.HorizonWeeks;
        var (reached, n, _) = tables.HalfwayReach(0, arm)!.Value;
        if (reached >= n)
        {
            return name + " reached 50% competent in " + Markup.OneDecimal(mean) + " weeks " + Interval(weeks, string.Empty) + ".";
        }

        // Runs that did not get there have no time to average, only "not within the horizon": no mean is stated.
        string within = PlainNumbers.Within(horizon);
        if (reached == 0)
        {
            return name + " did not reach 50% competent " + within + " " + InAnyOf(n) + ".";
        }

        return name + " did not reach 50% competent " + within + " in " + Markup.Integer(n - reached) + " of " + Runs(n)
            + "; the other " + Markup.Integer(reached) + " did.";
    }

    private static string FinalShareSentence(ResultTables tables, string arm)
    {
        StatRow? final = tables.Stat(0, arm, FinalShare);
        if (final?.Mean is not double mean)
        {
            return string.Empty;
        }

        return " By week " + Markup.Integer(tables.HorizonWeeks) + ", " + Markup.OneDecimal(100 * mean) + "% of its pairs were competent "
            + Interval(final with { Low = 100 * final.Low, High = 100 * final.High }, "%") + ".";
    }

    /// <summary>" Of the pairs competent when its training ended, 59.1% [56.9, 61.3] still were 52 weeks later." — empty without the metric.</summary>
    private static string RetentionSentence(ResultTables tables, string arm)
    {
        StatRow? retention = tables.Stat(0, arm, Retention);
        if (retention?.Mean is not double mean)
        {
            return string.Empty;
        }

        return " Of the pairs competent when its training ended, " + Markup.OneDecimal(100 * mean) + "% "
            + Interval(retention with { Low = 100 * retention.Low, High = 100 * retention.High }, "%") + " still were " + Markup.Integer(tables.RetentionWeeks) + " weeks later.";
    }

    /// <summary>
    /// "bottom-up leads until week 34, then top-down overtakes. Replicate by replicate, it does in 18
    /// of 20, between week 28 and week 41." — the spread is the range of the replicates' crossing weeks,
    /// or their middle 95% from 40 replicates that crossed.
    /// </summary>
    private static string CrossoverSentence(Crossover c)
    {
        string leader = Name(c.Leader), overtaker = Name(c.Overtaker);
        // c.Week is the first week the overtaker is level or ahead: the leader led until the week before.
        string sentence = c.Order == 0 ? leader + " leads until week " + Markup.Integer(c.Week - 1) + ", then " + overtaker + " overtakes."
            : "Then " + overtaker + " is back ahead of " + leader + " from week " + Markup.Integer(c.Week) + ".";
        if (c.Replicates == 0)
        {
            return sentence;
        }

        if (c.Crossed == 0)
        {
            return sentence + (c.Replicates == 1 ? " In the one replicate" : " In none of the " + Markup.Integer(c.Replicates) + " replicates")
                + " taken one by one does it overtake this way: the crossing is in the averages only.";
        }

        string of = Markup.Integer(c.Crossed) + " of " + Markup.Integer(c.Replicates);
        string when = c.Low == c.High ? ", in week " + Markup.Integer(c.Low!.Value)
            : c.Crossed >= 40 ? ", in 95% of them between week " + Markup.Integer(c.Low!.Value) + " and week " + Markup.Integer(c.High!.Value)
            : ", between week " + Markup.Integer(c.Low!.Value) + " and week " + Markup.Integer(c.High!.Value);
        return sentence + " Replicate by replicate, it does in " + of + when + "; it is still ahead at the horizon in "
            + Markup.Integer(c.EndedAhead) + " of " + Markup.Integer(c.Replicates) + ".";
    }

    private static int ArmOrder(ResultTables tables, string arm)
    {
        int i = tables.Arms.ToList().IndexOf(arm);
        return i < 0 ? int.MaxValue : i;
    }

    private static string Contrast(ResultTables tables, StatRow row)
    {
        double d = row.Mean!.Value;
        string arm = Name(row.Arm), reference = Name(row.ReferenceArm ?? "the reference arm");
        string lead = "Compared with " + reference + " (the reference arm), in ";
        bool clear = row is { Low: double low, High: double high, N: >= 2 } && (low > 0 || high < 0);
        string verdict;
        string sentence;
        switch (row.Metric)
        {
            case WeeksTo50:
                return lead + "time to 50% competent: " + WeeksContrast(tables, row, arm, reference, clear);
            case FinalShare:
                sentence = lead + "the competent share at week " + Markup.Integer(tables.HorizonWeeks) + ": " + arm + " ended with " + Points(row, "competent pairs");
                verdict = clear ? " The 95% interval excludes zero: " + arm + " clearly ends " + (d > 0 ? "higher" : "lower") + "." : CannotTell(row);
                break;
            case Retention:
                sentence = lead + "retention " + Markup.Integer(tables.RetentionWeeks) + " weeks after the training: " + arm + " kept " + Points(row, "of its competent pairs");
                verdict = clear ? " The 95% interval excludes zero: " + arm + " clearly keeps " + (d > 0 ? "more" : "fewer") + "." : CannotTell(row);
                break;
            default:
                sentence = lead + Markup.Escape(row.Metric) + ": " + arm + " minus the reference is " + Markup.OneDecimal(d) + " " + SignedInterval(row, 1, string.Empty, "lower", "higher") + ".";
                verdict = clear ? " The 95% interval excludes zero." : CannotTell(row);
                break;
        }

        return sentence + verdict;
    }

    /// <summary>"12.3 percentage points more competent pairs (95% CI …)." for a paired difference of shares.</summary>
    private static string Points(StatRow row, string what)
    {
        double d = row.Mean!.Value;
        return (d == 0 ? "the same share on average" : Markup.OneDecimal(Math.Abs(100 * d)) + " percentage points " + (d > 0 ? "more" : "fewer") + " " + what)
            + " " + SignedInterval(row, 100, " points", "fewer", "more") + ".";
    }

    /// <summary>
    /// The time-to-50% comparison, honest about runs that never got there (counted as H + 1 weeks):
    /// "did not reach 50%" when an arm never did, and "at least"/"at most" when the difference rests
    /// on such runs.
    /// </summary>
    private static string WeeksContrast(ResultTables tables, StatRow row, string arm, string reference, bool clear)
    {
        int horizon = tables.HorizonWeeks;
        string within = " " + PlainNumbers.Within(horizon);
        (double armShare, int armN, double? armMean) = Reach(tables, row.Arm);
        (double refShare, int refN, double? refMean) = row.ReferenceArm is string r ? Reach(tables, r) : (1, row.N, null);
        if (armShare <= 0 && refShare <= 0)
        {
            return "neither " + arm + " nor " + reference + " reached 50% competent" + within + " in any run, so there is no difference in time to state.";
        }

        if (armShare <= 0)
        {
            return arm + " did not reach 50% competent" + within + " " + InAnyOf(armN) + ", while " + reference + " did" + ReachedWhen(refShare, refN, refMean) + ".";
        }

        if (refShare <= 0)
        {
            return arm + " reached 50% competent" + within + ReachedWhen(armShare, armN, armMean) + ", while " + reference + " did not " + InAnyOf(refN) + ".";
        }

        double d = row.Mean!.Value;
        bool armCensored = armShare < 1, refCensored = refShare < 1;
        string placeholder = "counting runs that never reached 50% as " + Markup.Integer(horizon + 1) + " weeks";
        if (!armCensored && !refCensored)
        {
            return arm + " got there "
                + (d == 0 ? "at the same time on average" : Markup.OneDecimal(Math.Abs(d)) + " weeks " + (d < 0 ? "sooner" : "later"))
                + " " + SignedInterval(row, 1, " weeks", "sooner", "later") + "."
                + (clear ? " The 95% interval excludes zero: " + arm + " is clearly " + (d < 0 ? "faster" : "slower") + "." : CannotTell(row));
        }

        string interval = " " + SignedInterval(row, 1, " weeks", "sooner", "later");
        if (armCensored && refCensored)
        {
            return "both arms have runs that never reached 50% competent" + within + " (" + arm + " " + Share(armShare, armN) + ", " + reference + " " + Share(refShare, refN)
                + "), so the difference in time is not known: " + placeholder + " it comes to " + Markup.OneDecimal(d) + " weeks" + interval
                + ", which is neither a lower nor an upper bound.";
        }

        // Only the arm has censored runs: its true times are no earlier than counted, so d is a lower bound.
        // Only the reference has: d is an upper bound.
        bool lowerBound = armCensored;
        string who = lowerBound ? arm : reference;
        string amount = Markup.OneDecimal(Math.Abs(d)) + " weeks " + (d < 0 ? "sooner" : "later");
        string bound = d == 0 ? (lowerBound ? "no sooner" : "no later") + " than " + reference
            : (lowerBound == (d > 0) ? "at least " : "at most ") + amount;
        string sentence = arm + " got there " + bound + interval + " — only a bound, since " + who + " reached 50%" + within + " in " + Share(lowerBound ? armShare : refShare, lowerBound ? armN : refN)
            + " and the difference is " + placeholder + ".";
        bool slower = lowerBound && row is { Low: > 0, N: >= 2 }, faster = !lowerBound && row is { High: < 0, N: >= 2 };
        return sentence + (slower ? " Even so, the 95% interval excludes zero: " + arm + " is clearly slower."
            : faster ? " Even so, the 95% interval excludes zero: " + arm + " is clearly faster."
            : " The bound does not tell the two apart.");
    }

    /// <summary>An arm's share of runs that reached 50%, its number of runs and its mean weeks to 50%; without <c>reached_50pct</c>, all or none by the mean.</summary>
    private static (double Share, int N, double? Mean) Reach(ResultTables tables, string arm)
    {
        StatRow? weeks = tables.Stat(0, arm, WeeksTo50), reached = tables.Stat(0, arm, Reached50);
        int n = reached?.N ?? weeks?.N ?? 0;
        double share = reached?.Mean is double s ? s : weeks?.Mean is double m && m > tables.HorizonWeeks ? 0 : 1;
        return (share, n, weeks?.Mean);
    }

    /// <summary>" (in week 14.0 on average)" when every run got there (without "on average" for one run), " in 7 of 20 runs" otherwise.</summary>
    private static string ReachedWhen(double share, int n, double? mean) =>
        share >= 1 ? (mean is double m ? " (in week " + Markup.OneDecimal(m) + (n == 1 ? ")" : " on average)") : string.Empty) : " in " + Share(share, n);

    private static string Share(double share, int n) => Markup.Integer((int)Math.Round(share * n, MidpointRounding.AwayFromZero)) + " of " + Runs(n);

    /// <summary>The verdict when no interval excludes zero; one paired run has no interval at all, so none is mentioned.</summary>
    private static string CannotTell(StatRow row) => row is { Low: not null, High: not null, N: >= 2 }
        ? " The 95% interval includes zero: with " + Markup.Integer(row.N) + " paired runs the two cannot be told apart."
        : " With " + (row.N == 1 ? "one paired run" : Markup.Integer(row.N) + " paired runs and no interval") + " the two cannot be told apart.";

    /// <summary>A difference's interval in words: "(95% CI 2.0–5.0 weeks sooner)", or "from … sooner to … later" when it spans zero.</summary>
    private static string SignedInterval(StatRow row, double scale, string unit, string below, string above)
    {
        if (row is not { Low: double low, High: double high, N: >= 2 })
        {
            return "(one paired run, so no confidence interval)";
        }

        low *= scale;
        high *= scale;
        if (low >= 0)
        {
            return "(95% CI " + Markup.OneDecimal(low) + "–" + Markup.OneDecimal(high) + unit + " " + above + ")";
        }

        if (high <= 0)
        {
            return "(95% CI " + Markup.OneDecimal(-high) + "–" + Markup.OneDecimal(-low) + unit + " " + below + ")";
        }

        return "(95% CI from " + Markup.OneDecimal(-low) + unit + " " + below + " to " + Markup.OneDecimal(high) + unit + " " + above + ")";
    }

    private static string Interval(StatRow row, string unit) => row is { Low: double low, High: double high, N: >= 2 }
        ? "(95% CI " + Markup.OneDecimal(low) + "–" + Markup.OneDecimal(high) + unit + ")"
        : "(a single run, so no confidence interval)";

    private static string Runs(int n) => Markup.Integer(n) + (n == 1 ? " run" : " runs");

    /// <summary>"in any of its 20 runs"; "in its one run" for one.</summary>
    private static string InAnyOf(int n) => n == 1 ? "in its one run" : "in any of its " + Runs(n);

    private static string Name(string arm) => "<strong>" + Markup.Escape(arm) + "</strong>";
}
