using System.Text;
using OrgSim.Core.Agents;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Import;

namespace OrgSim.Experiments.Tests.Calibration;

public class ObservedSurveyReaderTests
{
    /// <summary>The stage-count example of docs/calibration.md.</summary>
    internal const string StagesExample = """
        week,competency,respondents,stage_0,stage_1,stage_2,stage_3
        0,decisiveness,120,96,18,6,0
        0,circularity,120,101,15,4,0
        13,decisiveness,112,70,25,13,4
        26,all,105,252,98,55,15
        """;

    /// <summary>The competent-count example of docs/calibration.md, by level.</summary>
    internal const string CompetentExample = """
        week,competency,level,respondents,competent
        13,pacing,0,8,3
        13,pacing,1,40,9
        26,pacing,0,8,5
        26,pacing,1,38,14
        """;

    private static ObservedSurvey Read(string text) => ObservedSurveyReader.Read(new StringReader(text), "survey.csv");

    private static string[] Problems(string text) =>
        [.. Assert.Throws<ImportException>(() => Read(text)).Problems.Select(p => p.ToString())];

    private static string Problem(string text) => Assert.Single(Problems(text));

    [Fact]
    public void Read_StageCounts_GivesEachRowItsCountsAndShares()
    {
        ObservedSurvey survey = Read(StagesExample);
        Assert.Equal(ObservedCounts.Stages, survey.Counts);
        Assert.Equal(ObservedBreakdown.None, survey.Breakdown);
        Assert.Equal([0, 13, 26], survey.Weeks);
        Assert.Equal(4, survey.Rows.Count);

        ObservedRow row = survey.Rows[2];
        Assert.Equal((4, 13, Competency.Decisiveness, 112, 112), (row.FileRow, row.Week, row.Competency, row.Respondents, row.Ratings));
        Assert.Null(row.Level);
        Assert.Null(row.Unit);
        Assert.True(row.HasStages);
        Assert.Equal(25, row.StageCount(Stage.ConsciousIncompetence));
        Assert.Equal(17, row.Competent);
        Assert.Equal(17 / 112.0, row.CompetentShare(), 12);
        Assert.Equal(13 / 112.0, row.StageShare(Stage.ConsciousCompetence), 12);
        Assert.Equal([70 / 112.0, 25 / 112.0, 13 / 112.0, 4 / 112.0], row.StageShares());
    }

    [Fact]
    public void Read_PooledRow_CountsFourRatingsPerRespondent()
    {
        ObservedRow pooled = Read(StagesExample).Rows[3];
        Assert.Null(pooled.Competency);
        Assert.Equal((105, 420, 70), (pooled.Respondents, pooled.Ratings, pooled.Competent));
        Assert.Equal(70 / 420.0, pooled.CompetentShare(), 12);
        Assert.Equal(1.0, pooled.StageShares().Sum(), 12);
    }

    [Fact]
    public void Read_CompetentCountsByLevel_GivesCompetentSharesAndNoStages()
    {
        ObservedSurvey survey = Read(CompetentExample);
        Assert.Equal(ObservedCounts.Competent, survey.Counts);
        Assert.Equal(ObservedBreakdown.Level, survey.Breakdown);
        Assert.Equal([0, 1, 0, 1], survey.Rows.Select(r => r.Level));
        Assert.Equal([3 / 8.0, 9 / 40.0, 5 / 8.0, 14 / 38.0], survey.Rows.Select(r => r.CompetentShare()));
        Assert.False(survey.Rows[0].HasStages);
        Assert.Throws<InvalidOperationException>(() => survey.Rows[0].StageShare(Stage.UnconsciousCompetence));
    }

    [Fact]
    public void Read_UnitsColumnsInAnyOrderAndCase_RestoresAUnitProtectedAsText()
    {
        ObservedSurvey survey = Read("""
            Competent,Unit,Competency,Respondents,Week
            2,Sales North,Feedforward,10,4
            1,"'=Ops",feedforward,5,4
            3,sales north,pacing,10,4
            """);
        Assert.Equal(ObservedBreakdown.Unit, survey.Breakdown);
        Assert.Equal(["Sales North", "=Ops", "sales north"], survey.Rows.Select(r => r.Unit));
        Assert.Equal([Competency.Feedforward, Competency.Feedforward, Competency.Pacing], survey.Rows.Select(r => r.Competency));
    }

    [Fact]
    public void Read_FromAFileWithAByteOrderMark_ReadsTheFirstColumn()
    {
        string path = Path.Combine(TestPaths.TempDirectory(), "survey.csv");
        File.WriteAllText(path, CompetentExample, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        ObservedSurvey survey = ObservedSurveyReader.Read(path);
        Assert.Equal(path, survey.File);
        Assert.Equal([13, 26], survey.Weeks);
    }

    [Fact]
    public void Read_WholeNumbersWrittenAsDecimals_AreAccepted()
    {
        ObservedRow row = Assert.Single(Read("week,competency,respondents,competent\n13.0,pacing,1e1,4\n").Rows);
        Assert.Equal((13, 10, 4), (row.Week, row.Respondents, row.Competent));
    }

    private const string StagesHeader = "week,competency,respondents,stage_0,stage_1,stage_2,stage_3\n";
    private const string CompetentHeader = "week,competency,respondents,competent\n";

    public static TheoryData<string, string> OneProblem => new()
    {
        // The header.
        { "", "survey.csv:1: the file is empty; its first row should be the header, naming the columns week, competency, level or unit (optional), respondents, and either stage_0, stage_1, stage_2, stage_3 or competent" },
        { CompetentHeader, "survey.csv:1: the file has a header but no rows; add one row per wave, competency and group below it" },
        { "week,competency,respondents,competent,comment\n0,pacing,4,1,x\n", "survey.csv:1: column \"comment\" is unknown; the columns are week, competency, level or unit (optional), respondents, and either stage_0, stage_1, stage_2, stage_3 or competent: rename or remove it" },
        { "week,competency,respondents,competent,\n0,pacing,4,1,\n", "survey.csv:1: column 5 has no name; remove the empty column (a comma at the end of the header makes one) or name it: the columns are week, competency, level or unit (optional), respondents, and either stage_0, stage_1, stage_2, stage_3 or competent" },
        { "week,competency,respondents,stage_0,stage_1,stage_2,stage_3,\n0,pacing,4,1,1,1,1,\n", "survey.csv:1: column 8 has no name; remove the empty column (a comma at the end of the header makes one) or name it: the columns are week, competency, level or unit (optional), respondents, and either stage_0, stage_1, stage_2, stage_3 or competent" },
        { "week,competency,level,unit,respondents,competent\n0,pacing,0,Sales,4,1\n", "survey.csv:1: the header has both \"level\" and \"unit\"; a file breaks down by one of them: keep one column, and put the other breakdown in a second file" },
        { "week,competency,respondents,stage_0,stage_1,stage_2,stage_3,competent\n0,pacing,4,1,1,1,1,2\n", "survey.csv:1: the header has both \"competent\" and stage columns (stage_0, stage_1, stage_2, stage_3); a file gives either the four stage counts or the competent count: keep one form" },
        { "week,competency,respondents\n0,pacing,4\n", "survey.csv:1: the counts are missing: add the columns stage_0, stage_1, stage_2, stage_3 (ratings at each stage) or a column competent (ratings at stage 2 or 3); the header has \"week\", \"competency\", \"respondents\"" },
        { "week,competency,respondents,stage_0,stage_1,stage_2\n0,pacing,4,1,1,2\n", "survey.csv:1: column \"stage_3\" is missing (it holds how many ratings were at stage 3; the four stage columns go together); the header has \"week\", \"competency\", \"respondents\", \"stage_0\", \"stage_1\", \"stage_2\"; did you mean \"stage_0\"?" },

        // Values.
        { CompetentHeader + "0,pacing,4,1.5\n", "survey.csv:2: competent is 1.5, not a whole number; write a whole number from 0: a count of ratings" },
        { CompetentHeader + "0,pacing,4,-1\n", "survey.csv:2: competent is -1, below 0; write a whole number from 0: a count of ratings" },
        { CompetentHeader + "0,pacing,4,\n", "survey.csv:2: competent is blank; write a whole number from 0: a count of ratings" },
        { CompetentHeader + "0,pacing,4,\"1,000\"\n", "survey.csv:2: competent is \"1,000\", not a number; write a whole number from 0: a count of ratings, with no thousands separator" },
        { CompetentHeader + "0,pacing,4,=SUM(B2:B3)\n", "survey.csv:2: competent is \"=SUM(B2:B3)\", a spreadsheet formula, not its value; export the values (in Excel, copy and Paste Special > Values before saving)" },
        { CompetentHeader + "0,pacing,4,5\n", "survey.csv:2: competent is 5, more than the 4 respondents; correct competent or respondents" },
        { CompetentHeader + "0,all,4,17\n", "survey.csv:2: competent is 17, more than 16 ratings (4 respondents × 4 competencies, as \"all\" pools them); correct competent or respondents" },
        { CompetentHeader + "0,pacing,0,0\n", "survey.csv:2: respondents is 0; a wave no one answered tells nothing: drop the row, or give how many answered" },
        { CompetentHeader + "2.5,pacing,4,1\n", "survey.csv:2: week is 2.5, not a whole number; write a whole number from 0: the week since the programme started (0 is its start)" },
        { CompetentHeader + "-1,pacing,4,1\n", "survey.csv:2: week is -1, below 0; write a whole number from 0: the week since the programme started (0 is its start)" },
        { CompetentHeader + "0,decisivenes,4,1\n", "survey.csv:2: competency \"decisivenes\" is unknown; did you mean \"decisiveness\"? write one of decisiveness, circularity, pacing, feedforward, all (\"all\" for the four pooled)" },
        { CompetentHeader + "0,,4,1\n", "survey.csv:2: the competency is blank; write one of decisiveness, circularity, pacing, feedforward, all (\"all\" for the four pooled)" },
        { StagesHeader + "0,pacing,10,5,3,1,0\n", "survey.csv:2: stage_0 … stage_3 add up to 9 (5 + 3 + 1 + 0) but should add up to the 10 respondents; every rating is at one stage: correct a count or respondents" },
        { CompetentHeader + "0,pacing,4,1\n0,Pacing,5,2\n", "survey.csv:3: week 0, pacing already has a row (row 2); keep one row per week and competency (add the counts of two waves in the same week)" },
        { "week,competency,unit,respondents,competent\n0,pacing,Sales,4,1\n0,pacing,SALES,5,2\n", "survey.csv:3: week 0, pacing, unit \"SALES\" already has a row (row 2); keep one row per week, competency and unit (add the counts of two waves in the same week)" },
        { "week,competency,level,respondents,competent\n0,pacing,1,4,1\n0,all,1,5,2\n", "survey.csv:3: week 0, level 1 has both a row for \"all\" and a row for one competency (rows 2 and 3); the \"all\" row pools the four, so give either the four competencies or \"all\", not both" },
        { "week,competency,level,respondents,competent\n0,pacing,256,4,1\n", "survey.csv:2: level is 256, above 255; write a whole number from 0: the hierarchy level, 0 at the top to 255" },
        { "week,competency,unit,respondents,competent\n0,pacing,,4,1\n", "survey.csv:2: the unit is blank; name the unit of every row as the HR export names its team, or leave the unit column out for the whole organisation" },
        { "week,competency,unit,respondents,competent\n0,pacing,=A1,4,1\n", "survey.csv:2: unit \"=A1\" looks like a spreadsheet formula; export the values, not the formulas, or if it is the unit's name put a ' in front ('=A1), as OrgSim's own exports do" },
    };

    [Theory]
    [MemberData(nameof(OneProblem))]
    public void Read_AProblem_IsOneLineWithItsRowAndWhatToFix(string text, string expected)
    {
        string problem = Problem(text);
        Assert.DoesNotContain('\n', problem);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Read_AMisspeltColumn_IsUnknownAndItsColumnMissing_EachWithTheNearestName()
    {
        Assert.Equal(
        [
            "survey.csv:1: column \"wek\" is unknown; did you mean \"week\"? the columns are week, competency, level or unit (optional), respondents, and either stage_0, stage_1, stage_2, stage_3 or competent: rename or remove it",
            "survey.csv:1: column \"week\" is missing (it holds the week of each wave since the programme started); the header has \"wek\", \"competency\", \"respondents\", \"competent\"; did you mean \"wek\"?",
        ], Problems("wek,competency,respondents,competent\n0,pacing,4,1\n"));
    }

    [Fact]
    public void Read_AMisspeltStageColumn_SuggestsItsName()
    {
        Assert.StartsWith(
            "survey.csv:1: column \"stage2\" is unknown; did you mean \"stage_2\"? the columns are ",
            Problems("week,competency,respondents,stage_0,stage_1,stage2,stage_3\n0,pacing,4,1,1,1,1\n")[0],
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SemicolonSeparatedValues_SaysToSaveAsCommaSeparated()
    {
        string[] problems = Problems("week;competency;respondents;competent\n0;pacing;4;1\n");
        Assert.Contains(problems, p => p.EndsWith("the values seem to be separated by semicolons: save the file as comma-separated CSV", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.StartsWith("survey.csv:1: ", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ARowShortOfAValue_SaysSoAndWhichValueIsBlank()
    {
        Assert.Equal(
        [
            "survey.csv:2: the row has 3 values but the header has 4 columns; a value that contains a comma needs double quotes around it",
            "survey.csv:2: competent is blank; write a whole number from 0: a count of ratings",
        ], Problems(CompetentHeader + "0,pacing,4\n"));
    }

    [Fact]
    public void Read_EveryProblem_IsReportedAtOnceInRowOrder()
    {
        string[] problems = Problems(StagesHeader + "0,pacing,10,5,3,1,1\n-1,pacing,10,5,3,1,1\n0,pacin,10,5,3,1,1\n0,pacing,10,5,3,1,0\n0,pacing,10,5,3,1,1\n");
        string[] starts = ["survey.csv:3: week is -1", "survey.csv:4: competency \"pacin\"", "survey.csv:5: stage_0 … stage_3 add up to 9", "survey.csv:6: week 0, pacing already has a row (row 2)"];
        Assert.Equal(starts.Length, problems.Length);
        Assert.All(starts.Zip(problems), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_StopsAfterMaxErrors_SayingSo()
    {
        string text = CompetentHeader + string.Concat(Enumerable.Repeat("0,pacing,4,x\n", 2 * ObservedSurveyReader.MaxErrors));
        string[] problems = Problems(text);
        Assert.Equal(ObservedSurveyReader.MaxErrors + 1, problems.Length);
        Assert.Equal($"survey.csv:{ObservedSurveyReader.MaxErrors + 2}: stopped reading after {ObservedSurveyReader.MaxErrors} errors; fix these and read the file again", problems[^1]);
    }

    [Fact]
    public void Read_AFileInWindows1252_IsRefusedAtTheRowThatIsNotUtf8()
    {
        string path = Path.Combine(TestPaths.TempDirectory(), "survey.csv");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("week,competency,unit,respondents,competent\n0,pacing,Caf"), 0xE9, .. Encoding.ASCII.GetBytes(",4,1\n")]);
        ImportProblem problem = Assert.Single(Assert.Throws<ImportException>(() => ObservedSurveyReader.Read(path)).Problems);
        Assert.Equal($"{path}:2: the row is not UTF-8 text (byte 0xE9 after \"0,pacing,Caf\"); save the file as UTF-8: in Excel, Save As \"CSV UTF-8 (Comma delimited)\" rather than \"CSV (Comma delimited)\"", problem.ToString());
    }

    [Fact]
    public void Read_AFileAboveTheLimit_IsRefusedUnread()
    {
        string path = Path.Combine(TestPaths.TempDirectory(), "survey.csv");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.SetLength(OrgSim.Experiments.Scenarios.ScenarioLimits.MaxObservedSurveyBytes + 1);
        }

        ImportProblem problem = Assert.Single(Assert.Throws<ImportException>(() => ObservedSurveyReader.Read(path)).Problems);
        Assert.Equal($"{path}: is 64.0 MiB (67,108,865 bytes); an observed survey may be at most 64 MiB, so check that this is the file you meant", problem.ToString());
    }

    [Fact]
    public void Read_AMissingFile_SaysSo()
    {
        string path = Path.Combine(TestPaths.TempDirectory(), "nothing.csv");
        Assert.Equal($"{path}: the file does not exist; check the path", Assert.Single(Assert.Throws<ImportException>(() => ObservedSurveyReader.Read(path)).Problems).ToString());
    }
}
