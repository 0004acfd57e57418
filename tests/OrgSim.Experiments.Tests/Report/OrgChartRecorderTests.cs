using OrgSim.Core.Graph;
using OrgSim.Experiments.Import;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

public class OrgChartRecorderTests
{
    [Fact]
    public void Teams_AreLabelledWithTheExportsTeamNamesAndHangUnderTheirManagersTeam()
    {
        const string csv = "employee_id,manager_id,team\nE1,,Board\nE2,E1,Leads\nE3,E2,Warehouse <Nights>\nE4,E2,Warehouse <Nights>\n";
        OrgGraph graph = HrExportImporter.Import(new StringReader(csv), "hr.csv", new HrImportOptions(), seed: 1).Graph;
        var recorder = new OrgChartRecorder(graph);
        Assert.Equal(["Board", "Leads", "Warehouse <Nights>"], recorder.Teams.Select(t => t.Label));
        Assert.Equal([-1, 0, 1], recorder.Teams.Select(t => t.Parent));
        Assert.Equal([1, 1, 2], recorder.Teams.Select(t => t.Size));
    }

    [Fact]
    public void Teams_OfAGeneratedOrganisationAreNumbered()
    {
        OrgGraph graph = HierarchyGenerator.Generate(new HierarchyOptions { Agents = 7, Span = 2, CrossTeamTiesPerAgent = 0 }, seed: 1);
        Assert.Equal(["team 0", "team 1", "team 2", "team 3"], new OrgChartRecorder(graph).Teams.Select(t => t.Label));
    }
}
