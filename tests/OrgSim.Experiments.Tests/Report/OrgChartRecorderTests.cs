using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Experiments.Import;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

public class OrgChartRecorderTests
{
    /// <summary>40,000 agents in teams of 8: 5,001 teams, more than the recorder keeps one by one.</summary>
    private static readonly OrgGraph Large = HierarchyGenerator.Generate(new HierarchyOptions { Agents = 40_000, Span = 8, CrossTeamTiesPerAgent = 0 }, seed: 1);

    [Fact]
    public void Teams_AreLabelledWithTheExportsTeamNamesAndHangUnderTheirManagersTeam()
    {
        const string csv = "employee_id,manager_id,team\nE1,,Board\nE2,E1,Leads\nE3,E2,Warehouse <Nights>\nE4,E2,Warehouse <Nights>\n";
        OrgGraph graph = HrExportImporter.Import(new StringReader(csv), "hr.csv", new HrImportOptions(), seed: 1).Graph;
        var recorder = new OrgChartRecorder(graph);
        Assert.Equal(["Board", "Leads", "Warehouse <Nights>"], recorder.Teams.Select(t => t.Label));
        Assert.Equal([-1, 0, 1], recorder.Teams.Select(t => t.Parent));
        Assert.Equal([1, 1, 2], recorder.Teams.Select(t => t.Size));
        Assert.Null(recorder.Grouping);
    }

    [Fact]
    public void Teams_OfAGeneratedOrganisationAreNumbered()
    {
        OrgGraph graph = HierarchyGenerator.Generate(new HierarchyOptions { Agents = 7, Span = 2, CrossTeamTiesPerAgent = 0 }, seed: 1);
        Assert.Equal(["team 0", "team 1", "team 2", "team 3"], new OrgChartRecorder(graph).Teams.Select(t => t.Label));
    }

    [Fact]
    public void Teams_OfALargeOrganisationAreAtMostSixteenGroupsPerLevelHoldingEveryEmployee()
    {
        var recorder = new OrgChartRecorder(Large);

        int teams = Enumerable.Range(0, Large.NodeCount).Select(Large.Team).Distinct().Count();
        Assert.True(teams > OrgChartRecorder.MaxRecordedTeams);
        Assert.Equal(new OrgChartGrouping(teams, 0), recorder.Grouping);
        Assert.InRange(recorder.Teams.Count, 2, TeamGroups.MaxUnits * Large.LevelCount);
        Assert.Equal(Large.NodeCount, recorder.Teams.Sum(t => t.Size));
        Assert.Equal("team 0", recorder.Teams[0].Label);
        Assert.Contains(recorder.Teams, t => t.Label == "512 teams under team 2 at level 5");
    }

    [Fact]
    public void Groups_AreTheTeamGroupsOfTheSameOrganisationRecordedTeamByTeam()
    {
        var grouped = new OrgChartRecorder(Large);
        var full = new OrgChartRecorder(Large, maxRecordedTeams: int.MaxValue);
        AgentState state = SomeCompetent(Large.NodeCount);
        grouped.Record(0, state);
        full.Record(0, state);

        TeamGroups groups = TeamGroups.Of(full.Teams.Select(t => t.Parent).ToList(), full.Teams.Select(t => t.Size).ToList(), t => full.Teams[t].Label);
        ReadableChart fromGroups = OrgChartAggregation.Readable(OrgChart.ForArm("arm", grouped));

        Assert.Null(full.Grouping);
        Assert.Equal(groups.Groups, grouped.Teams);
        Assert.StartsWith("5,001 teams drawn as 35 groups", fromGroups.Note, StringComparison.Ordinal);

        // Averaging the rounded team percentages differs by at most a point from counting the group's pairs exactly.
        IReadOnlyList<byte> teams = full.Weeks[0], counted = grouped.Weeks[0];
        for (int g = 0; g < counted.Count; g++)
        {
            int[] m = groups.Members[g];
            double averaged = m.Sum(t => full.Teams[t].Size * (double)teams[t]) / m.Sum(t => full.Teams[t].Size);
            Assert.InRange(counted[g] - averaged, -1, 1);
        }
    }

    [Fact]
    public void Record_OfAGroupedOrganisationCountsEachGroupsPairsOverItsPeople()
    {
        var recorder = new OrgChartRecorder(Large);
        var members = new OrgChartRecorder(Large, maxRecordedTeams: int.MaxValue).Teams;
        TeamGroups groups = TeamGroups.Of(members.Select(t => t.Parent).ToList(), members.Select(t => t.Size).ToList(), t => members[t].Label);
        var indexOfTeam = members.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        AgentState state = SomeCompetent(Large.NodeCount);
        var pairs = new int[recorder.Teams.Count];
        var decisive = new int[recorder.Teams.Count];
        for (int v = 0; v < Large.NodeCount; v++)
        {
            int g = groups.GroupOf[indexOfTeam[Large.Team(v)]];
            pairs[g] += Competencies.All.Count(c => state.GetStage(v, c) >= Stage.ConsciousCompetence);
            decisive[g] += state.GetStage(v, Competency.Decisiveness) >= Stage.ConsciousCompetence ? 1 : 0;
        }

        recorder.Record(0, state);

        IReadOnlyList<byte> week = Assert.Single(recorder.Weeks);
        Assert.Equal(recorder.Teams.Select((t, g) => (byte)Math.Round(100.0 * pairs[g] / (4 * t.Size))), week);
        Assert.Equal(recorder.Teams.Select((t, g) => decisive[g] / (double)t.Size), recorder.FinalCompetencyShares.Select(s => s[0]));
        Assert.Contains(week, p => p is > 0 and < 100);
    }

    [Fact]
    public void Grouping_IsWrittenOnlyForAGroupedChartAndReadBack()
    {
        var recorder = new OrgChartRecorder(Large);
        recorder.Record(0, SomeCompetent(Large.NodeCount));
        string json = OrgChart.ForArm("arm", recorder).ToJson();
        string path = Path.Combine(TestPaths.TempDirectory(), "orgchart.json");
        File.WriteAllText(path, json);

        OrgChart read = OrgChart.ReadFile(path)!;

        Assert.Contains("\"grouping\":{\"teams\":5001,\"pooled_units\":0}", json, StringComparison.Ordinal);
        Assert.Equal(recorder.Grouping, read.Grouping);
        Assert.Equal(recorder.Teams, read.Teams);
        Assert.DoesNotContain("grouping", ReportFixtures.Chart().ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"teams\":1,\"pooled_units\":0}", ": grouping.teams is 1, fewer than the 35 groups in teams")]
    [InlineData("{\"teams\":2147483647,\"pooled_units\":0}", ": grouping.teams is 2147483647, more than the 40000 people in teams")]
    [InlineData("{\"teams\":5001,\"pooled_units\":-1}", ": grouping.pooled_units is -1; must be 0, or from 2 to 4986")]
    [InlineData("{\"teams\":5001,\"pooled_units\":1}", ": grouping.pooled_units is 1; must be 0, or from 2 to 4986")]
    [InlineData("{\"teams\":5001,\"pooled_units\":2147483647}", ": grouping.pooled_units is 2147483647; must be 0, or from 2 to 4986")]
    [InlineData("{\"teams\":5001}", ", line 1: the value of grouping is not valid")]
    [InlineData("{}", ", line 1: the value of grouping is not valid")]
    [InlineData("[]", ", line 1: the value of grouping is not valid")]
    [InlineData("{\"teams\":\"x\",\"pooled_units\":0}", ", line 1: the value of grouping.teams is not valid")]
    public void ReadFile_NamesAGroupingThatCannotHaveMadeTheGroups(string grouping, string problem)
    {
        var recorder = new OrgChartRecorder(Large);
        recorder.Record(0, SomeCompetent(Large.NodeCount));
        string json = OrgChart.ForArm("arm", recorder).ToJson().Replace("{\"teams\":5001,\"pooled_units\":0}", grouping, StringComparison.Ordinal);
        string path = Path.Combine(TestPaths.TempDirectory(), "orgchart.json");
        File.WriteAllText(path, json);

        var e = Assert.Throws<OrgSim.Experiments.Output.DamagedFileException>(() => OrgChart.ReadFile(path));

        Assert.StartsWith(path + problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ReadFile_TakesAPoolOfUnitsThatCouldHaveBeenMade()
    {
        var recorder = new OrgChartRecorder(Large);
        recorder.Record(0, SomeCompetent(Large.NodeCount));
        string path = Path.Combine(TestPaths.TempDirectory(), "orgchart.json");
        File.WriteAllText(path, OrgChart.ForArm("arm", recorder).ToJson().Replace("\"pooled_units\":0", "\"pooled_units\":2", StringComparison.Ordinal));

        Assert.Equal(new OrgChartGrouping(5001, 2), OrgChart.ReadFile(path)!.Grouping);
    }

    /// <summary>Agents competent in a pattern that differs between and within teams: v mod 3 == 0 in decisiveness, v mod 7 == 0 in pacing too.</summary>
    private static AgentState SomeCompetent(int agents)
    {
        var state = new AgentState(agents);
        for (int v = 0; v < agents; v++)
        {
            if (v % 3 == 0)
            {
                state.SetStage(v, Competency.Decisiveness, Stage.ConsciousCompetence);
            }

            if (v % 7 == 0)
            {
                state.SetStage(v, Competency.Pacing, Stage.UnconsciousCompetence);
            }
        }

        return state;
    }
}
