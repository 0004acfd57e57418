using OrgSim.Experiments.Calibration;

namespace OrgSim.Experiments.Tests.Calibration;

public class SurveyDistanceTests
{
    private static ObservedSurvey Survey(string csv) => ObservedSurveyReader.Read(new StringReader(csv), "s.csv");

    [Fact]
    public void Distance_IsZero_WhenTheSharesAgree_AndScaledByTheBinomialError()
    {
        ObservedSurvey survey = Survey("week,competency,respondents,competent\n4,pacing,100,20\n");
        Assert.Equal(0, SurveyDistance.Of(survey, [[0.5, 0.3, 0.2, 0]], CalibrationCompare.Competent));
        // floored p = 20.5 / 101; se = sqrt(p (1 - p) / 100); 0.1 off is 0.1 / se standard errors.
        double p = 20.5 / 101, se = Math.Sqrt(p * (1 - p) / 100);
        Assert.Equal(0.1 / se, SurveyDistance.Of(survey, [[0.5, 0.2, 0.3, 0]], CalibrationCompare.Competent), 12);
    }

    [Fact]
    public void LargerWave_WeighsMore_AndAnEmptyGroupIsInfinite()
    {
        ObservedSurvey small = Survey("week,competency,respondents,competent\n4,pacing,10,2\n");
        ObservedSurvey large = Survey("week,competency,respondents,competent\n4,pacing,1000,200\n");
        double[][] off = [[0.5, 0.2, 0.3, 0]];
        Assert.True(SurveyDistance.Of(large, off, CalibrationCompare.Competent) > 5 * SurveyDistance.Of(small, off, CalibrationCompare.Competent));
        Assert.Equal(double.PositiveInfinity, SurveyDistance.Of(small, [[double.NaN, double.NaN, double.NaN, double.NaN]], CalibrationCompare.Competent));
    }

    [Fact]
    public void Stages_CompareEveryStage_AndTheDefaultFollowsTheFile()
    {
        ObservedSurvey survey = Survey("week,competency,respondents,stage_0,stage_1,stage_2,stage_3\n4,pacing,100,50,30,20,0\n");
        Assert.Equal(CalibrationCompare.Stages, SurveyDistance.DefaultFor(survey));
        Assert.Equal(0, SurveyDistance.Of(survey, [[0.6, 0.2, 0.1, 0.1]], CalibrationCompare.Competent), 12);
        Assert.True(SurveyDistance.Of(survey, [[0.6, 0.2, 0.1, 0.1]], CalibrationCompare.Stages) > 1);
    }
}
