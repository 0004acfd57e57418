using System.Globalization;
using OrgSim.Experiments.Jobs;

namespace OrgSim.Experiments.Tests.Calibration;

public class CalibrateJobTests
{
    [Fact]
    public void Calibrate_WritesEveryOutput_AndFittedScenarioRuns()
    {
        string folder = CalibrationFixture.Folder();
        var lines = new List<string>();
        JobOutcome outcome = CalibrateJob.Execute(CalibrationFixture.Request(folder, forecast: true), lines.Add);
        Assert.True(outcome.Status == JobStatus.Success, string.Join("\n", outcome.Errors));
        string output = Path.Combine(folder, "out");
        foreach (string name in new[] { "report.html", "calibration.csv", "posterior.csv", "generations.csv", "fitted.yaml", "fit.svg", "forecast.csv" })
        {
            Assert.True(File.Exists(Path.Combine(output, name)), name);
        }

        Assert.StartsWith("Fitted model.transmission = ", outcome.Lines[0], StringComparison.Ordinal);
        string[] summary = File.ReadAllLines(Path.Combine(output, "calibration.csv"));
        Assert.Equal("parameter,estimate,median,low_95,high_95,prior_low,prior_high,prior_scale,ess,note", summary[0]);
        Assert.StartsWith("model.transmission,", summary[1], StringComparison.Ordinal);

        // The report: the fit's sentence, a row per parameter, the chart inlined, the forecast per arm.
        string report = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("<p>Fitted model.transmission = ", report, StringComparison.Ordinal);
        Assert.Contains("<tr><td><code>model.transmission</code><br><span class=\"note\">", report, StringComparison.Ordinal);
        Assert.Contains("<strong>(the programme run)</strong>", report, StringComparison.Ordinal);
        Assert.Contains("Fitted and observed competent share", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", report, StringComparison.Ordinal);
        Assert.Contains("<section id=\"forecast\">", report, StringComparison.Ordinal);
        Assert.Contains("<code>competent_share_final</code>", report, StringComparison.Ordinal);

        var fitted = OrgSim.Experiments.Scenarios.ScenarioLoader.Load(Path.Combine(output, "fitted.yaml"));
        Assert.Null(fitted.Calibration);
        double estimate = double.Parse(summary[1].Split(',')[1], CultureInfo.InvariantCulture);
        Assert.Equal(estimate, fitted.Spec.Model.Transmission, 12);
        var run = RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(Path.Combine(output, "fitted.yaml"), [], Replicates: 1), Out = Path.Combine(folder, "fitted-run"), Threads = 1, NoReport = true }, new RunListener());
        Assert.True(run.Status == JobStatus.Success, string.Join("\n", run.Errors));
    }
}
