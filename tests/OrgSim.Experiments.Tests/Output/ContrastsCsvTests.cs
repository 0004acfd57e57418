namespace OrgSim.Experiments.Tests.Output;

public class ContrastsCsvTests
{
    [Fact]
    public void Contrasts_SayHowManyRunsReachedAndWhetherTheDifferenceIsABound()
    {
        // The quickstart: top-down reaches 50% in every run, bottom-up in none.
        string folder = TestRuns.InFolder(File.ReadAllText(TestPaths.Scenario("quickstart.yaml")), 2, false, "replicates=6");
        List<Dictionary<string, string>> Rows(string file)
        {
            string[] lines = File.ReadLines(Path.Combine(folder, file)).ToArray();
            string[] header = lines[0].Split(',');
            return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
        }

        int Reached(string arm) => Rows("runs.csv").Count(r => r["arm"] == arm && r["reached_50pct"] == "1.000000");
        int byTopDown = Reached("top-down"), byBottomUp = Reached("bottom-up");
        Assert.True(byTopDown > byBottomUp, $"top-down reached 50% in {byTopDown} runs, bottom-up in {byBottomUp}: the scenario no longer tests a censored contrast");

        Dictionary<string, string> weeks = Rows("contrasts.csv").Single(r => r["arm"] == "bottom-up" && r["metric"] == "weeks_to_50pct");
        Assert.Equal(byBottomUp.ToString(System.Globalization.CultureInfo.InvariantCulture), weeks["arm_reached"]);
        Assert.Equal(byTopDown.ToString(System.Globalization.CultureInfo.InvariantCulture), weeks["reference_reached"]);
        Assert.Equal(OrgSim.Experiments.Statistics.ContrastBounds.Name(OrgSim.Experiments.Statistics.ContrastBounds.Of(byBottomUp, byTopDown, 6)), weeks["bound"]);
        Assert.NotEqual("exact", weeks["bound"]);

        Dictionary<string, string> share = Rows("contrasts.csv").Single(r => r["arm"] == "bottom-up" && r["metric"] == "competent_share_final");
        Assert.Equal((string.Empty, string.Empty, "exact"), (share["arm_reached"], share["reference_reached"], share["bound"]));
    }

    [Fact]
    public void Contrasts_LeaveTheDifferenceEmptyWhenNeitherArmReachedIt()
    {
        string text = TestScenarios.SmallText(replicates: 2, horizon: 10)
            .Replace("seeding: {strategy: top-down, budget: 20}", "seeding: {strategy: top-down, budget: 1, competencies: [pacing]}", StringComparison.Ordinal)
            .Replace("seeding: {strategy: bottom-up-scattered, budget: 20}", "seeding: {strategy: bottom-up-scattered, budget: 1, competencies: [pacing]}", StringComparison.Ordinal);
        string folder = TestRuns.InFolder(text);
        string row = File.ReadLines(Path.Combine(folder, "contrasts.csv")).Single(l => l.Contains("weeks_to_50pct", StringComparison.Ordinal));

        // Before: "0,bottom-up,top-down,weeks_to_50pct,0,0,0,2" — a difference of 0 weeks that nobody measured.
        Assert.Equal("0,bottom-up,top-down,weeks_to_50pct,,,,2,0,0,undefined", row);
    }
}
