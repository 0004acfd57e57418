using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Tests.Calibration;

/// <summary>The note calibration.csv gives an interval against its prior.</summary>
public class CalibrationNoteTests
{
    private static readonly SensitivityParameter Uniform = new("model.transmission", 0, 1, ParameterScale.Uniform, Whole: false);
    private static readonly SensitivityParameter LogUniform = new("model.transmission", 0.01, 0.3, ParameterScale.LogUniform, Whole: false);

    [Theory]
    [InlineData(0.025, 0.975, "spans most of the prior: the data say little about it")] // the prior came back (a parameter the arm does not read)
    [InlineData(0.001, 0.5, "piled at the prior's low end: widen the range")]
    [InlineData(0.6, 0.999, "piled at the prior's high end: widen the range")]
    [InlineData(0.3, 0.6, "")]
    public void Note_SaysWhatTheIntervalShows(double low, double high, string expected) =>
        Assert.Equal(expected, CalibrationTables.Note(Uniform, new PosteriorSummary("model.transmission", (low + high) / 2, low, (low + high) / 2, high)));

    [Fact]
    public void Note_MeasuresALogUniformPriorOnItsLogScale()
    {
        // Northwind's transmission: [0.011, 0.181] of [0.01, 0.3] covers ln(18.1/1.1)/ln(30) = 82% of the log scale.
        Assert.Equal("spans most of the prior: the data say little about it", CalibrationTables.Note(LogUniform, new PosteriorSummary("model.transmission", 0.05, 0.011, 0.04, 0.181)));
        Assert.Equal(string.Empty, CalibrationTables.Note(LogUniform, new PosteriorSummary("model.transmission", 0.05, 0.03, 0.05, 0.1)));
    }
}
