using System.Globalization;
using System.Text;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Report;

/// <summary>
/// report.html of a calibration folder: the question, what was fitted to what, each parameter's
/// estimate and interval in a table, the fitted-versus-observed chart, and with <c>--forecast</c>
/// where every arm goes from the posterior. One self-contained page in the run report's style.
/// </summary>
internal static class CalibrationReport
{
    /// <summary>The metrics the forecast table shows, in words; forecast.csv has every metric.</summary>
    private static readonly Dictionary<string, string> ForecastMetrics = new(StringComparer.Ordinal)
    {
        ["competent_share_final"] = "competent at the horizon (share of agent–competency pairs at stage 2 or 3)",
        ["retention"] = "retention (of the pairs competent when the training ended, the share still competent {0} weeks later)",
    };

    /// <summary>The page's HTML.</summary>
    /// <param name="name">The heading: the scenario's title, else its name.</param>
    /// <param name="description">The scenario's description.</param>
    /// <param name="question">The scenario's question: its question key, else its opening comment.</param>
    /// <param name="fitted">One sentence: what was fitted, to what, with how many runs, and why it stopped.</param>
    /// <param name="parameters">The free parameters, in order.</param>
    /// <param name="summaries">Their posterior summaries, in the same order.</param>
    /// <param name="fitSvg">fit.svg's markup.</param>
    /// <param name="forecast">The forecast rows; empty without <c>--forecast</c>.</param>
    /// <param name="calibratedArm">The arm the organisation ran, marked in the forecast.</param>
    /// <param name="retentionWeeks">Weeks after training at which retention is measured.</param>
    public static string Build(string name, string description, string question, string fitted, IReadOnlyList<SensitivityParameter> parameters, IReadOnlyList<PosteriorSummary> summaries, string fitSvg, IReadOnlyList<CalibrationTables.ForecastRow> forecast, string calibratedArm, int retentionWeeks)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(forecast);
        var html = new StringBuilder();
        ReportBuilder.AppendHead(html, name + " — OrgSim calibration");
        html.Append("<header>\n<h1>").Append(Markup.Escape(name)).Append(": calibration</h1>\n");
        if (description.Length > 0)
        {
            html.Append("<p class=\"lead\">").Append(Markup.Escape(description)).Append("</p>\n");
        }

        html.Append("</header>\n<section id=\"question\">\n<h2>The question</h2>\n").Append(ReportBuilder.Question(question)).Append("</section>\n");
        html.Append("<section id=\"fit\">\n<h2>The fit</h2>\n<p>").Append(Markup.Escape(fitted)).Append("</p>\n");
        html.Append("<table>\n<thead><tr><th>parameter</th><th>estimate (posterior mean)</th><th>95% interval</th><th>prior</th><th>note</th></tr></thead>\n<tbody>\n");
        for (int k = 0; k < summaries.Count; k++)
        {
            PosteriorSummary s = summaries[k];
            string meaning = Scenarios.ParameterCatalogue.ForKey(s.Name)?.Description is { Length: > 0 } d ? "<br><span class=\"note\">" + Markup.Escape(d) + "</span>" : string.Empty;
            html.Append("<tr><td><code>").Append(Markup.Escape(s.Name)).Append("</code>").Append(meaning).Append("</td><td>").Append(Number(s.Mean))
                .Append("</td><td>").Append(Number(s.Lower)).Append(" – ").Append(Number(s.Upper))
                .Append("</td><td>").Append(Number(parameters[k].Low)).Append(" – ").Append(Number(parameters[k].High))
                .Append(parameters[k].Scale == ParameterScale.LogUniform ? " (log-uniform)" : string.Empty)
                .Append("</td><td>").Append(Markup.Escape(CalibrationTables.Note(parameters[k], s))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"note\">The interval holds 95% of the posterior: the values still plausible given the priors and the survey. An interval that spans most of the prior says the survey cannot tell that parameter's values apart (docs/calibration.md, how to read the intervals).</p>\n");
        html.Append("<figure aria-label=\"Fitted and observed competent share\">\n").Append(ReportBuilder.Inline(fitSvg)).Append("</figure>\n</section>\n");
        if (forecast.Count > 0)
        {
            html.Append("<section id=\"forecast\">\n<h2>The forecast</h2>\n<p>Every arm run to the horizon at parameter sets drawn from the posterior, one run each: the spread of outcomes holds both what is not known about the parameters and the luck of a single run. Every metric is in <code>forecast.csv</code>.</p>\n");
            html.Append("<table>\n<thead><tr><th>arm</th><th>metric</th><th>median</th><th>90% of runs</th><th>runs</th></tr></thead>\n<tbody>\n");
            foreach (CalibrationTables.ForecastRow row in forecast.Where(r => ForecastMetrics.ContainsKey(r.Metric)))
            {
                string arm = Markup.Escape(row.Arm) + (row.Arm == calibratedArm ? " <strong>(the programme run)</strong>" : string.Empty);
                string metric = string.Format(CultureInfo.InvariantCulture, ForecastMetrics[row.Metric], retentionWeeks);
                html.Append("<tr><td>").Append(arm).Append("</td><td>").Append(Markup.Escape(metric)).Append(" <code>").Append(Markup.Escape(row.Metric)).Append("</code></td><td>")
                    .Append(row.Median is double m ? Percent(m) : "–").Append("</td><td>")
                    .Append(row.Low is double l && row.High is double h ? Percent(l) + " – " + Percent(h) : "–").Append("</td><td>")
                    .Append(Markup.Integer(row.Runs)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</section>\n");
        }

        html.Append("<footer>Made by OrgSim from this folder's calibration.csv, posterior.csv, fit.svg")
            .Append(forecast.Count > 0 ? " and forecast.csv" : string.Empty).Append("; fitted.yaml runs the fitted model with <code>orgsim run</code>.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Number(double value) => Markup.Escape(value.ToString("G4", CultureInfo.InvariantCulture));

    private static string Percent(double share) => Markup.Escape((100 * share).ToString("0.0", CultureInfo.InvariantCulture) + "%");
}
