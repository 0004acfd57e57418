using System.Text.RegularExpressions;
using OrgSim.Experiments.Calibration;

namespace OrgSim.Experiments.Tests.Calibration;

/// <summary>The examples in docs/calibration.md read as written, and are the ones the reader's tests check.</summary>
public partial class CalibrationDocumentationTests
{
    private static string CalibrationDoc => Path.Combine(TestPaths.RepoRoot, "docs", "calibration.md");

    [Fact]
    public void ObservedDataExamples_ReadAndAreTheTestedOnes()
    {
        string[] examples = [.. CsvBlock().Matches(File.ReadAllText(CalibrationDoc)).Select(m => m.Groups[1].Value)];
        Assert.Equal(2, examples.Length);
        foreach (string example in examples)
        {
            Assert.NotEmpty(ObservedSurveyReader.Read(new StringReader(example), "calibration.md").Rows);
        }

        Assert.Equal(Lines(ObservedSurveyReaderTests.StagesExample), Lines(examples[0]));
        Assert.Equal(Lines(ObservedSurveyReaderTests.CompetentExample), Lines(examples[1]));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"```csv\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsvBlock();
}
