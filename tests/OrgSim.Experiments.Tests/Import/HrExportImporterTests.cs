using System.Text;
using OrgSim.Core.Graph;
using OrgSim.Experiments.Import;

namespace OrgSim.Experiments.Tests.Import;

public class HrExportImporterTests
{
    private const string Header = "employee_id,manager_id";

    // File order is deliberately not hierarchy order: E5 comes first and E3 before E2.
    private const string Small = """
        employee_id,manager_id,team,function,site,role,remote
        E5,E2,Sales North,Sales,London,,yes
        E1,,Board,Exec,London,,no
        E3,E1,Leaders,Tech,Leeds,,no
        E2,E1,leaders,Sales,London,,No
        E4,E2,Sales North,Sales,London,,
        E6,E3,Tech Core,Tech,Leeds,,0
        E7,E6,,Tech,Leeds,Front Line,n
        E8,E6,,tech,Leeds,,N
        """;

    private static ImportResult Import(string text, HrImportOptions? options = null, ulong seed = 1) =>
        HrExportImporter.Import(new StringReader(text), "hr.csv", options ?? new HrImportOptions(), seed);

    private static ImportException Fails(string text, HrImportOptions? options = null) =>
        Assert.Throws<ImportException>(() => Import(text, options));

    private static ImportProblem Single(IEnumerable<ImportProblem> problems, bool isError) => Assert.Single(problems, p => p.IsError == isError);

    private static (EdgeType Type, float Weight) TieOf(OrgGraph graph, string from, string to)
    {
        int a = Agent(graph, from), b = Agent(graph, to);
        int i = graph.Neighbours(a).IndexOf(b);
        Assert.True(i >= 0, $"{from} and {to} should be tied");
        return (graph.EdgeTypesOf(a)[i], graph.EdgeWeightsOf(a)[i]);
    }

    private static int Agent(OrgGraph graph, string name) =>
        Enumerable.Range(0, graph.NodeCount).Single(v => graph.Name(v) == name);

    [Fact]
    public void Import_NumbersAgentsBreadthFirstFromTheTop_InFileOrderWithinAManager()
    {
        OrgGraph g = Import(Small).Graph;
        Assert.Equal(["E1", "E3", "E2", "E6", "E5", "E4", "E7", "E8"], Enumerable.Range(0, g.NodeCount).Select(g.Name));
        Assert.Equal([-1, 0, 0, 1, 2, 2, 3, 3], Enumerable.Range(0, g.NodeCount).Select(g.Manager));
        Assert.Equal([0, 1, 1, 2, 2, 2, 3, 3], Enumerable.Range(0, g.NodeCount).Select(g.Level));
    }

    [Fact]
    public void Import_NumbersTeamsFunctionsAndSitesInAgentOrder_IgnoringCase()
    {
        ImportResult r = Import(Small);
        OrgGraph g = r.Graph;
        Assert.Equal([0, 1, 1, 2, 3, 3, 4, 4], Enumerable.Range(0, g.NodeCount).Select(g.Team));
        Assert.Equal(["Board", "Leaders", "Tech Core", "Sales North", "reports of E6"], r.TeamNames);
        Assert.Equal([0, 1, 2, 1, 2, 2, 1, 1], Enumerable.Range(0, g.NodeCount).Select(g.Function));
        Assert.Equal(["Exec", "Tech", "Sales"], r.FunctionNames);
        Assert.Equal([0, 1, 0, 1, 0, 0, 1, 1], Enumerable.Range(0, g.NodeCount).Select(g.Site));
        Assert.Equal(["London", "Leeds"], r.SiteNames);
        Assert.Equal([false, false, false, false, true, false, false, false], Enumerable.Range(0, g.NodeCount).Select(g.IsRemote));
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void Import_DerivesRolesFromLevelsAndReports_UnlessTheRoleColumnSays()
    {
        OrgGraph g = Import(Small).Graph;
        Role[] expected = [Role.Executive, Role.Executive, Role.Executive, Role.Manager, Role.FrontLine, Role.FrontLine, Role.FrontLine, Role.FrontLine];
        Assert.Equal(expected, Enumerable.Range(0, g.NodeCount).Select(g.Role));

        string overridden = Small.Replace("E6,E3,Tech Core,Tech,Leeds,,0", "E6,E3,Tech Core,Tech,Leeds,EXECUTIVE,0", StringComparison.Ordinal)
            .Replace("E2,E1,leaders,Sales,London,,No", "E2,E1,leaders,Sales,London,manager,No", StringComparison.Ordinal);
        OrgGraph o = Import(overridden, new HrImportOptions { ExecutiveLevels = 1 }).Graph;
        Assert.Equal([Role.Executive, Role.Manager, Role.Manager, Role.Executive], Enumerable.Range(0, 4).Select(o.Role));
    }

    [Fact]
    public void Import_TiesReportsToManagersAndTeamPeers_RemoteAndCrossSiteTiesWeaker()
    {
        OrgGraph g = Import(Small).Graph;
        Assert.Equal(2 * 10, g.EdgeCount);
        Assert.Equal((EdgeType.Manager, 0.5f), TieOf(g, "E3", "E1"));  // Leeds and London
        Assert.Equal((EdgeType.Report, 1f), TieOf(g, "E1", "E2"));
        Assert.Equal((EdgeType.Manager, 1f), TieOf(g, "E6", "E3"));
        Assert.Equal((EdgeType.Manager, 0.5f), TieOf(g, "E5", "E2"));  // E5 works remotely
        Assert.Equal((EdgeType.Manager, 1f), TieOf(g, "E4", "E2"));
        Assert.Equal((EdgeType.Manager, 1f), TieOf(g, "E7", "E6"));
        Assert.Equal((EdgeType.Manager, 1f), TieOf(g, "E8", "E6"));
        Assert.Equal((EdgeType.TeamPeer, 0.5f), TieOf(g, "E3", "E2"));
        Assert.Equal((EdgeType.TeamPeer, 0.5f), TieOf(g, "E4", "E5"));
        Assert.Equal((EdgeType.TeamPeer, 1f), TieOf(g, "E7", "E8"));
    }

    [Fact]
    public void Import_RemoteTieWeightOne_GivesUnitWeights()
    {
        OrgGraph g = Import(Small, new HrImportOptions { RemoteTieWeight = 1 }).Graph;
        Assert.True(g.HasUnitWeights);
    }

    [Fact]
    public void Import_AManagerInTheTeamOfTheirReports_IsTheirManagerNotTheirPeer()
    {
        OrgGraph g = Import("employee_id,manager_id,team\nA,,T\nB,A,T\nC,A,T\n").Graph;
        Assert.Equal(2 * 3, g.EdgeCount);
        Assert.Equal(EdgeType.Report, TieOf(g, "A", "B").Type);
        Assert.Equal(EdgeType.TeamPeer, TieOf(g, "B", "C").Type);
        Assert.Equal([0, 0, 0], Enumerable.Range(0, 3).Select(g.Team));
    }

    [Fact]
    public void Import_WithoutTeamColumn_TheReportsOfOneManagerFormATeam_AndTheTopIsAlone()
    {
        ImportResult r = Import("employee_id,manager_id\nA,\nB,A\nC,A\nD,B\nE,B\nF,C\n");
        OrgGraph g = r.Graph;
        Assert.Equal([0, 1, 1, 2, 2, 3], Enumerable.Range(0, g.NodeCount).Select(g.Team));
        Assert.Equal(["A", "reports of A", "reports of B", "reports of C"], r.TeamNames);
        Assert.Empty(r.FunctionNames);
        Assert.Equal(1, g.FunctionCount);
        Assert.Equal(1, g.SiteCount);
        Assert.Equal(EdgeType.TeamPeer, TieOf(g, "D", "E").Type);
        Assert.Equal(5 + 2, g.EdgeCount / 2);
    }

    [Fact]
    public void Import_ColumnNamesAreConfigurable_AndMatchIgnoringCase()
    {
        var options = new HrImportOptions { Columns = new HrColumns { Id = "Emp No", Manager = "Reports To", Team = "Unit" } };
        OrgGraph g = Import("emp no,REPORTS TO,unit,site\nA,,X,Paris\nB,A,Y,Lyon\n", options).Graph;
        Assert.Equal(["A", "B"], [g.Name(0), g.Name(1)]);
        Assert.Equal((0, 1), (g.Site(0), g.Site(1)));
    }

    [Fact]
    public void Import_AColumnSetToNull_IsNotRead()
    {
        var options = new HrImportOptions { Columns = new HrColumns { Role = null, Remote = null } };
        OrgGraph g = Import("employee_id,manager_id,role,remote\nA,,chief,maybe\nB,A,intern,sometimes\n", options).Graph;
        Assert.Equal([Role.Executive, Role.Executive], [g.Role(0), g.Role(1)]);
        Assert.False(g.IsRemote(1));
    }

    [Fact]
    public void Import_ReadsQuotedValuesCrlfAndAByteOrderMark()
    {
        string dir = TestPaths.TempDirectory();
        string path = Path.Combine(dir, "quoted.csv");
        string text = "employee_id,manager_id,team\r\nA,,\"Sales, North\"\r\nB,A,\"The \"\"Best\"\" Team\"\r\n";
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        ImportResult r = HrExportImporter.Import(path, new HrImportOptions(), seed: 1);
        Assert.Equal(["Sales, North", "The \"Best\" Team"], r.TeamNames);
        Assert.Equal("A", r.Graph.Name(0));
    }

    [Fact]
    public void Import_ATeamLargerThanMaxTeamSize_IsTiedAsARingLattice_WithAWarning()
    {
        var text = new StringBuilder("employee_id,manager_id\nM,\n");
        for (int i = 0; i < 10; i++)
        {
            text.Append('R').Append(i).Append(",M\n");
        }

        ImportResult r = Import(text.ToString(), new HrImportOptions { MaxTeamSize = 4 });
        ImportProblem warning = Assert.Single(r.Warnings);
        Assert.Equal(3, warning.Row);
        Assert.Contains("has 10 members, more than max_team_size 4", warning.Message, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(1, 10), v => Assert.Equal(4 + 1, r.Graph.Degree(v)));
        Assert.Equal(10 + (10 * 2), r.Graph.EdgeCount / 2);
    }

    [Fact]
    public void Import_CrossTeamTies_AreDeterministicFromTheSeed_AndJoinDifferentTeams()
    {
        string text = File.ReadAllText(TestPaths.Scenario("data/northwind-hr.csv"));
        var options = new HrImportOptions { CrossTeamTiesPerAgent = 2 };
        OrgGraph a = Import(text, options, seed: 7).Graph, b = Import(text, options, seed: 7).Graph, c = Import(text, options, seed: 8).Graph;
        Assert.Equal(Ties(a), Ties(b));
        Assert.NotEqual(Ties(a), Ties(c));
        List<(int, int, EdgeType, float)> cross = [.. Ties(a).Where(t => t.Item3 == EdgeType.CrossTeam && t.Item1 < t.Item2)];
        Assert.Equal((int)Math.Round(a.NodeCount * 2 / 2.0), cross.Count);
        Assert.All(cross, t => Assert.NotEqual(a.Team(t.Item1), a.Team(t.Item2)));
        Assert.DoesNotContain(Ties(Import(text).Graph), t => t.Item3 == EdgeType.CrossTeam);
    }

    private static List<(int, int, EdgeType, float)> Ties(OrgGraph g) =>
        [.. Enumerable.Range(0, g.NodeCount).SelectMany(v => Enumerable.Range(0, g.Degree(v)).Select(i => (v, g.Neighbours(v)[i], g.EdgeTypesOf(v)[i], g.EdgeWeightsOf(v)[i])))];

    [Fact]
    public void Import_TheSameFileTwice_GivesTheSameOrganisation()
    {
        string text = File.ReadAllText(TestPaths.Scenario("data/northwind-hr.csv"));
        OrgGraph a = Import(text).Graph, b = Import(text).Graph;
        Assert.Equal(Ties(a), Ties(b));
        Assert.Equal(Enumerable.Range(0, a.NodeCount).Select(v => (a.Name(v), a.Team(v), a.Role(v))), Enumerable.Range(0, b.NodeCount).Select(v => (b.Name(v), b.Team(v), b.Role(v))));
    }

    [Fact]
    public void SampleFile_ImportsWithoutProblems_AsARealisticOrganisation()
    {
        ImportResult r = HrExportImporter.Import(TestPaths.Scenario("data/northwind-hr.csv"), new HrImportOptions(), seed: 1);
        OrgGraph g = r.Graph;
        Assert.Empty(r.Warnings);
        Assert.InRange(g.NodeCount, 300, 400);
        Assert.Equal("E0001", g.Name(0));
        Assert.InRange(g.LevelCount, 4, 5);
        Assert.InRange(r.FunctionNames.Count, 4, 6);
        Assert.InRange(r.SiteNames.Count, 2, 3);
        Assert.InRange(Enumerable.Range(0, g.NodeCount).Count(g.IsRemote) / (double)g.NodeCount, 0.10, 0.20);
        Assert.Contains("Sales North Retail", r.TeamNames);
        Assert.All(Enumerable.Range(1, g.NodeCount - 1), v => Assert.True(g.Level(v) >= g.Level(v - 1), "a lower id is never more junior"));
        int[] spans = [.. Enumerable.Range(0, g.NodeCount).Select(m => Enumerable.Range(0, g.NodeCount).Count(v => g.Manager(v) == m)).Where(s => s > 0)];
        Assert.InRange(spans.Min(), 3, 10);
        Assert.InRange(spans.Max(), 3, 10);
        Assert.Contains(Enumerable.Range(0, g.NodeCount), v => g.Role(v) == Role.Manager);
    }

    [Fact]
    public void DocumentationExample_ImportsAsTheDocsSay()
    {
        string docs = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "import.md"));
        int start = docs.IndexOf("### Example", StringComparison.Ordinal);
        int open = docs.IndexOf("```text\n", start, StringComparison.Ordinal) + "```text\n".Length;
        string example = docs[open..docs.IndexOf("```", open, StringComparison.Ordinal)];
        ImportResult r = Import(example);
        OrgGraph g = r.Graph;
        Assert.Equal(["E1", "E2", "E3", "E4", "E5"], Enumerable.Range(0, 5).Select(g.Name));
        Assert.Equal([0, 1, 1, 2, 2], Enumerable.Range(0, 5).Select(g.Level));
        Assert.Equal(["Board", "Leaders", "Sales North"], r.TeamNames);
        Assert.Equal((EdgeType.TeamPeer, 0.5f), TieOf(g, "E2", "E3"));
        Assert.Equal((EdgeType.TeamPeer, 0.5f), TieOf(g, "E4", "E5"));
        Assert.Equal([Role.Executive, Role.Executive, Role.Executive, Role.FrontLine, Role.FrontLine], Enumerable.Range(0, 5).Select(g.Role));
    }

    // ---- Problems: each with its row and kind ----

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void EmptyFile_IsAnErrorAtRow1(string text)
    {
        ImportProblem p = Assert.Single(Fails(text).Problems);
        Assert.Equal(("hr.csv", 1, true), (p.File, p.Row, p.IsError));
        Assert.Contains("the file is empty", p.Message, StringComparison.Ordinal);
        Assert.Contains("\"employee_id\" and \"manager_id\"", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderWithoutEmployees_IsAnError()
    {
        ImportProblem p = Assert.Single(Fails(Header + "\n").Problems);
        Assert.Equal((1, true), (p.Row, p.IsError));
        Assert.Contains("no employees", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredColumn_IsAnError_ListingTheColumnsFound_AndTheNearest()
    {
        ImportProblem p = Assert.Single(Fails("Employee ID,manager_id,team\nE1,,X\n").Problems);
        Assert.Equal((1, true), (p.Row, p.IsError));
        Assert.Equal(
            "column \"employee_id\" is missing (it holds each employee's id; if the file calls it otherwise, name it in the scenario's organisation.columns.id); "
            + "the header has \"Employee ID\", \"manager_id\", \"team\"; did you mean \"Employee ID\"?",
            p.Message);
    }

    [Fact]
    public void MissingColumnsAreAllReported_AndNoRowIsRead()
    {
        ImportException e = Fails("id,boss\n,\n");
        Assert.Equal(2, e.Problems.Count);
        Assert.All(e.Problems, p => Assert.Equal(1, p.Row));
        Assert.Contains("\"manager_id\" is missing", e.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SemicolonSeparatedFile_IsAnError_ThatSaysSo()
    {
        ImportProblem p = Fails("employee_id;manager_id\nE1;\n").Problems[0];
        Assert.Contains("separated by semicolons: save the file as comma-separated CSV", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOptionalColumnNamedInTheScenario_IsAnError()
    {
        var options = new HrImportOptions { Columns = new HrColumns { Team = "Team Name" } };
        ImportProblem p = Assert.Single(Fails("employee_id,manager_id,team\nE1,,X\n", options).Problems);
        Assert.Equal((1, true), (p.Row, p.IsError));
        Assert.StartsWith("column \"Team Name\" is missing (the scenario's organisation.columns.team names it", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOptionalColumnAtItsDefaultName_IsNotAProblem()
    {
        ImportResult r = Import(Header + "\nE1,\n");
        Assert.Empty(r.Warnings);
        Assert.Equal(1, r.Graph.NodeCount);
    }

    [Fact]
    public void DuplicateColumn_IsAnError()
    {
        ImportProblem p = Assert.Single(Fails("employee_id,manager_id,team,team\nE1,,A,B\n").Problems);
        Assert.Contains("names column \"team\" twice (columns 3 and 4)", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateId_IsAnErrorAtTheSecondRow_NamingBoth()
    {
        ImportProblem p = Assert.Single(Fails(Header + "\nE1,\nE2,E1\nE1,E2\n").Problems);
        Assert.Equal((4, true), (p.Row, p.IsError));
        Assert.Equal("employee id \"E1\" is on rows 2 and 4; every employee must appear once, with a unique id", p.Message);
    }

    [Fact]
    public void RowsCountBlankLines_AsASpreadsheetShowsThem()
    {
        ImportProblem p = Assert.Single(Fails(Header + "\nE1,\n\n\nE1,\n").Problems);
        Assert.Equal(5, p.Row);
    }

    [Fact]
    public void UnknownManager_IsAWarning_AndTheEmployeeBecomesATop()
    {
        ImportResult r = Import(Header + "\nE1,\nE2,E1\nE3,E9\nE4,E3\n");
        Assert.Equal(2, r.Warnings.Count);
        ImportProblem unknown = r.Warnings[0];
        Assert.Equal((4, false), (unknown.Row, unknown.IsError));
        Assert.Equal("manager \"E9\" of employee \"E3\" is not in the file; \"E3\" is imported as the top of a separate tree", unknown.Message);
        Assert.Equal(["E1", "E3", "E2", "E4"], Enumerable.Range(0, 4).Select(r.Graph.Name));
        Assert.Equal([0, 0, 1, 1], Enumerable.Range(0, 4).Select(r.Graph.Level));
    }

    [Fact]
    public void UnknownManager_DiffersOnlyInCase_SuggestsTheId()
    {
        ImportProblem p = Import(Header + "\nE1,\nE2,e1\n").Warnings[0];
        Assert.Contains("manager \"e1\" of employee \"E2\" is not in the file (did you mean \"E1\"?)", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralTops_IsAWarningAtTheSecondTop_AndImportsAForest()
    {
        ImportResult r = Import(Header + "\nA1,\nA2,A1\nB1,\nB2,B1\n");
        ImportProblem p = Assert.Single(r.Warnings);
        Assert.Equal((4, false), (p.Row, p.IsError));
        Assert.StartsWith("2 employees have no manager in the file: \"A1\" (row 2), \"B1\" (row 4); they are imported as separate trees", p.Message, StringComparison.Ordinal);
        OrgGraph g = r.Graph;
        Assert.Equal(["A1", "B1", "A2", "B2"], Enumerable.Range(0, 4).Select(g.Name));
        Assert.Equal([0, 0, 1, 1], Enumerable.Range(0, 4).Select(g.Level));
        Assert.Equal([0, 1, 2, 3], Enumerable.Range(0, 4).Select(g.Team));
        Assert.Equal(Role.Executive, g.Role(1));
    }

    [Fact]
    public void ManagerCycle_IsAnError_NamingTheIdsInTheCycle_FromItsFirstRow()
    {
        ImportProblem p = Assert.Single(Fails(Header + "\nR,\nB,C\nC,A\nA,B\nD,A\n").Problems);
        Assert.Equal((3, true), (p.Row, p.IsError));
        Assert.Equal("manager cycle: \"B\" → \"C\" → \"A\" → \"B\", each reporting to the next (rows 3, 4, 5); someone in it must report to a manager outside it, or have none", p.Message);
    }

    [Fact]
    public void TwoCycles_AreTwoErrors()
    {
        ImportException e = Fails(Header + "\nR,\nA,B\nB,A\nC,D\nD,C\n");
        Assert.Equal([3, 5], e.Problems.Select(p => p.Row));
    }

    [Fact]
    public void OwnManager_IsAnError()
    {
        ImportProblem p = Assert.Single(Fails(Header + "\nE1,\nE2,E2\n").Problems);
        Assert.Equal((3, true), (p.Row, p.IsError));
        Assert.Equal("employee \"E2\" is their own manager; leave column \"manager_id\" blank for the top of the organisation", p.Message);
    }

    [Fact]
    public void BlankId_IsAnError()
    {
        ImportProblem p = Assert.Single(Fails(Header + "\nE1,\n,E1\n").Problems);
        Assert.Equal((3, true), (p.Row, p.IsError));
        Assert.Equal("the employee id (column \"employee_id\") is blank; every employee needs one", p.Message);
    }

    [Theory]
    [InlineData("E2,E1,Sales, North", 4)]
    [InlineData("E2", 1)]
    public void WrongFieldCount_IsAnError(string line, int fields)
    {
        ImportProblem p = Assert.Single(Fails("employee_id,manager_id,team\nE1,,X\n" + line + "\n").Problems);
        Assert.Equal((3, true), (p.Row, p.IsError));
        Assert.Equal($"the row has {fields} values but the header has 3 columns; a value that contains a comma needs double quotes around it", p.Message);
    }

    [Fact]
    public void UnknownRole_IsAnError_ListingTheAllowedValues()
    {
        ImportProblem p = Assert.Single(Fails("employee_id,manager_id,role\nE1,,executive\nE2,E1,intern\n").Problems);
        Assert.Equal((3, true), (p.Row, p.IsError));
        Assert.Equal("role \"intern\" (column \"role\") is not one of executive, manager, front_line; use one of them, or leave it blank to derive the role from the hierarchy", p.Message);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Y", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("no", false)]
    [InlineData("n", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void RemoteFlag_ReadsCommonSpellings(string value, bool remote)
    {
        OrgGraph g = Import($"employee_id,manager_id,remote\nE1,,{value}\n").Graph;
        Assert.Equal(remote, g.IsRemote(0));
    }

    [Fact]
    public void BadRemoteFlag_IsAnError()
    {
        ImportProblem p = Assert.Single(Fails("employee_id,manager_id,remote\nE1,,no\nE2,E1,sometimes\n").Problems);
        Assert.Equal((3, true), (p.Row, p.IsError));
        Assert.Equal("remote flag \"sometimes\" (column \"remote\") is not one of true, false, yes, no, y, n, 1, 0; blank means false", p.Message);
    }

    [Fact]
    public void UnclosedQuote_IsAnError()
    {
        ImportProblem p = Fails("employee_id,manager_id,team\nE1,,X\nE2,E1,\"Sales\n").Problems.First(p => p.Message.Contains("quote", StringComparison.Ordinal));
        Assert.Equal((3, true), (p.Row, p.IsError));
    }

    [Fact]
    public void TooDeepAHierarchy_IsAnError()
    {
        var text = new StringBuilder(Header + "\nE0,\n");
        for (int i = 1; i <= 256; i++)
        {
            text.Append('E').Append(i).Append(",E").Append(i - 1).Append('\n');
        }

        ImportProblem p = Assert.Single(Fails(text.ToString()).Problems);
        Assert.Equal((258, true), (p.Row, p.IsError));
        Assert.StartsWith("employee \"E256\" is 256 levels below the top; OrgSim holds at most 256 levels", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsAndWarnings_AreReportedAllAtOnce_InRowOrder()
    {
        ImportException e = Fails("employee_id,manager_id,remote\nE1,,no\nE2,E9,no\nE3,E1,perhaps\nE1,E2,no\n");
        Assert.Equal([(3, false), (4, true), (5, true)], e.Problems.Select(p => (p.Row, p.IsError)));
        Assert.Equal(2, e.Errors.Count());
        Assert.Equal(string.Join(Environment.NewLine, e.Problems), e.Message);
    }

    [Fact]
    public void Problem_ToString_IsFileRowMessage_WithWarningsMarked()
    {
        Assert.Equal("hr.csv:4: it is wrong", new ImportProblem("hr.csv", 4, "it is wrong", IsError: true).ToString());
        Assert.Equal("hr.csv:4: warning: it is odd", new ImportProblem("hr.csv", 4, "it is odd", IsError: false).ToString());
    }

    [Fact]
    public void MissingFile_IsAnImportException()
    {
        string path = Path.Combine(TestPaths.TempDirectory(), "absent.csv");
        ImportException e = Assert.Throws<ImportException>(() => HrExportImporter.Import(path, new HrImportOptions(), seed: 1));
        Assert.Equal($"{path}: the file does not exist; check the path, which is relative to the scenario file", Assert.Single(e.Problems).ToString());
    }

    [Fact]
    public void Options_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Import(Small, new HrImportOptions { RemoteTieWeight = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Import(Small, new HrImportOptions { MaxTeamSize = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Import(Small, new HrImportOptions { ExecutiveLevels = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Import(Small, new HrImportOptions { CrossTeamTiesPerAgent = 101 }));
        Assert.Throws<ArgumentException>(() => Import(Small, new HrImportOptions { Columns = new HrColumns { Team = "Manager_ID" } }));
        Assert.Throws<ArgumentException>(() => Import(Small, new HrImportOptions { Columns = new HrColumns { Id = " " } }));
    }
}
