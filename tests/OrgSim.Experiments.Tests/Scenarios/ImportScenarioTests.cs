using OrgSim.Core.Graph;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>Scenarios whose organisation comes from an HR export or an edge list.</summary>
public class ImportScenarioTests
{
    private const string Arm = "arms: [{name: a, seeding: {strategy: top-down, budget: 2}}]";

    [Fact]
    public void Load_ImportsTheNorthwindExportAndRunsIt()
    {
        LoadedScenario loaded = ScenarioLoader.Load(TestPaths.Scenario("hr-import.yaml"));
        OrganisationSpec o = loaded.Spec.Organisation;
        Assert.Equal(NetworkKind.HrExport, o.Kind);
        Assert.Equal(325, o.Agents);
        Assert.Equal(64, o.ImportSha256.Length);
        Assert.Empty(loaded.Warnings);

        OrgGraph graph = OrganisationFactory.Build(o, RunSeeds.Organisation(loaded.Spec.Seed, 0));
        Assert.Equal(325, graph.NodeCount);
        Assert.Equal("E0001", graph.Name(0));
        Assert.True(graph.FunctionCount >= 5);
        Assert.Empty(Preflight.Check(loaded));
    }

    [Fact]
    public void Load_ReportsTheDataFilesRowForABadExport()
    {
        string folder = OrgSim.Tests.Shared.TemporaryDirectories.Create();
        File.WriteAllText(Path.Combine(folder, "hr.csv"), "employee_id,manager_id\nA,\nB,A\nB,A\n");
        string scenario = Path.Combine(folder, "s.yaml");
        File.WriteAllText(scenario, $"organisation: {{generator: hr-export, file: hr.csv}}\n{Arm}");

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(scenario));
        ScenarioError duplicate = Assert.Single(error.Errors);
        Assert.EndsWith("hr.csv", duplicate.File, StringComparison.Ordinal);
        Assert.Equal(4, duplicate.Line);
        Assert.Contains("B", duplicate.Message, StringComparison.Ordinal);
        Assert.Matches(@"hr\.csv:4: ", duplicate.ToString());
    }

    [Fact]
    public void Load_PassesTheImportsWarningsOn()
    {
        string folder = OrgSim.Tests.Shared.TemporaryDirectories.Create();
        File.WriteAllText(Path.Combine(folder, "hr.csv"), "employee_id,manager_id\nA,\nB,A\nC,\nD,C\n");
        string scenario = Path.Combine(folder, "s.yaml");
        File.WriteAllText(scenario, $"organisation: {{generator: hr-export, file: hr.csv}}\n{Arm}");

        LoadedScenario loaded = ScenarioLoader.Load(scenario);
        Assert.Equal(4, loaded.Spec.Organisation.Agents);
        Assert.Contains(loaded.Warnings, w => w.Contains("warning:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("organisation: {generator: hr-export}", "organisation.file is missing")]
    [InlineData("organisation: {generator: hr-export, file: nowhere.csv}", "organisation.file 'nowhere.csv' is not found")]
    [InlineData("organisation: {generator: edge-list, file: data/small-network-edges.csv, agents: 5}", "organisation.agents comes from the file")]
    [InlineData("organisation: {generator: edge-list, file: data/small-network-edges.csv, span: 5}", "organisation.span does not apply to generator edge-list")]
    [InlineData("organisation: {generator: hr-export, file: data/northwind-hr.csv, columns: {ident: id}}", "unknown key 'ident' in organisation.columns")]
    public void Load_ReportsImportMistakesInTheScenario(string organisation, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(BesideTheSampleData(organisation + "\n" + Arm)));
        Assert.Contains(error.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ReadsAnEdgeList()
    {
        OrganisationSpec o = ScenarioLoader.Load(BesideTheSampleData("organisation: {generator: edge-list, file: data/small-network-edges.csv}\n" + Arm)).Spec.Organisation;
        Assert.Equal(11, o.Agents);
        Assert.Equal(56, o.ImportedDirectedEdges);
    }

    /// <summary>A scenario file in a fresh folder that holds a copy of scenarios/data, so relative paths resolve as in scenarios/.</summary>
    private static string BesideTheSampleData(string text)
    {
        string folder = OrgSim.Tests.Shared.TemporaryDirectories.Create();
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        foreach (string file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "scenarios", "data")))
        {
            File.Copy(file, Path.Combine(folder, "data", Path.GetFileName(file)));
        }

        string scenario = Path.Combine(folder, "s.yaml");
        File.WriteAllText(scenario, text);
        return scenario;
    }
}
