using OrgSim.Core.Graph;
using OrgSim.Core.Graph.Overlays;
using OrgSim.Experiments.Export;
using OrgSim.Experiments.Import;

namespace OrgSim.Experiments.Tests.Import;

public class EdgeListImporterTests
{
    private const string Header = "source,target,type,weight";

    private static ImportResult Import(string text) => EdgeListImporter.Import(new StringReader(text), "edges.csv");

    private static ImportException Fails(string text) => Assert.Throws<ImportException>(() => Import(text));

    private static int Agent(OrgGraph graph, string name) =>
        Enumerable.Range(0, graph.NodeCount).Single(v => graph.Name(v) == name);

    /// <summary>
    /// Every tie once, by names, from its junior end or, for a symmetric type, from the name first in
    /// ordinal order: a set that ignores agent numbering and row order.
    /// </summary>
    private static HashSet<(string, string, EdgeType, float)> NamedTies(OrgGraph g) =>
    [
        .. Enumerable.Range(0, g.NodeCount).SelectMany(v => Enumerable.Range(0, g.Degree(v))
            .Select(i => (From: g.Name(v), To: g.Name(g.Neighbours(v)[i]), Type: g.EdgeTypesOf(v)[i], Weight: g.EdgeWeightsOf(v)[i]))
            .Where(t => EdgeTypes.Reverse(t.Type) == t.Type ? string.CompareOrdinal(t.From, t.To) < 0 : EdgeListCsv.IsSeniorEnd(t.Type))),
    ];

    private static string Export(OrgGraph graph)
    {
        using var writer = new StringWriter();
        EdgeListCsv.Write(writer, graph);
        return writer.ToString();
    }

    [Fact]
    public void Import_NumbersAgentsByFirstAppearance_WithTypesAndWeights()
    {
        OrgGraph g = Import("source,target,type,weight\nb,a,cross_team,0.5\nc,b,,\nc,d,mentor,1\n").Graph;
        Assert.Equal(["b", "a", "c", "d"], Enumerable.Range(0, g.NodeCount).Select(g.Name));
        // A row is grouped by type (team peer before cross-team), whatever the file's order.
        Assert.Equal([2, 1], g.Neighbours(0).ToArray());
        Assert.Equal([EdgeType.TeamPeer, EdgeType.CrossTeam], g.EdgeTypesOf(0).ToArray());
        Assert.Equal([1f, 0.5f], g.EdgeWeightsOf(0).ToArray());
        Assert.Equal(EdgeType.Mentee, g.EdgeTypesOf(3)[0]);
    }

    [Fact]
    public void Import_WithoutManagerTies_IsFlat_WithTeamsJoinedByTeamPeerTies()
    {
        OrgGraph g = Import("source,target,type\na,b,team_peer\nc,d,team_peer\nb,c,cross_team\ne,b,TEAM-PEER\nf,a,mentor\n").Graph;
        Assert.Equal([0, 0, 1, 1, 0, 2], Enumerable.Range(0, g.NodeCount).Select(g.Team));
        Assert.All(Enumerable.Range(0, g.NodeCount), v => Assert.Equal((0, -1, Role.FrontLine), (g.Level(v), g.Manager(v), g.Role(v))));
    }

    [Fact]
    public void Import_WithManagerTies_SetsManagersLevelsAndRoles()
    {
        OrgGraph g = Import("source,target,type\nb,a,manager\nc,a,Manager\nb,d,report\nx,y,team_peer\n").Graph;
        Assert.Equal(["b", "a", "c", "d", "x", "y"], Enumerable.Range(0, g.NodeCount).Select(g.Name));
        Assert.Equal([1, -1, 1, 0, -1, -1], Enumerable.Range(0, g.NodeCount).Select(g.Manager));
        Assert.Equal([1, 0, 1, 2, 0, 0], Enumerable.Range(0, g.NodeCount).Select(g.Level));
        Assert.Equal([Role.Manager, Role.Manager, Role.FrontLine, Role.FrontLine, Role.FrontLine, Role.FrontLine], Enumerable.Range(0, g.NodeCount).Select(g.Role));
    }

    [Fact]
    public void Import_SourceAndTargetOnly_AreTeamPeersOfWeightOne()
    {
        OrgGraph g = Import("Source,Target\na,b\n").Graph;
        Assert.Equal((EdgeType.TeamPeer, 1f), (g.EdgeTypesOf(0)[0], g.EdgeWeightsOf(0)[0]));
        Assert.True(g.HasUnitWeights);
    }

    [Fact]
    public void SampleFile_Imports()
    {
        ImportResult r = EdgeListImporter.Import(TestPaths.Scenario("data/small-network-edges.csv"));
        OrgGraph g = r.Graph;
        Assert.Empty(r.Warnings);
        Assert.InRange(g.EdgeCount / 2, 20, 40);
        Assert.Equal(-1, g.Manager(Agent(g, "olu")));
        Assert.Equal((1, 2), (g.Level(Agent(g, "dana")), g.Level(Agent(g, "kim"))));
        Assert.Equal(g.Team(Agent(g, "gus")), g.Team(Agent(g, "kim")));
        Assert.NotEqual(g.Team(Agent(g, "gus")), g.Team(Agent(g, "amira")));
        Assert.Equal(Agent(g, "olu"), g.Supporter(Agent(g, "amira")));
    }

    [Fact]
    public void RoundTrip_GeneratedOrganisationWithOverlaysAndRemoteTies_KeepsEveryTieTypeAndWeight()
    {
        var options = new HierarchyOptions { Agents = 400, Span = 5, Functions = 3, Sites = 2, RemoteShare = 0.2 };
        OrgGraph original = OverlayBuilder.Apply(
            HierarchyGenerator.Generate(options, seed: 3),
            new OverlayOptions { MenteeShare = 0.3, LifeCoach = true, SkipLevelMeetings = true },
            seed: 3,
            options.RemoteTieWeight);
        OrgGraph imported = Import(Export(original)).Graph;
        Assert.Equal(NamedTies(original), NamedTies(imported));
        Assert.Equal(original.EdgeCount, imported.EdgeCount);
        Assert.All(Enumerable.Range(0, original.NodeCount), v =>
        {
            int u = Agent(imported, original.Name(v));
            Assert.Equal(original.Manager(v) < 0 ? "-" : original.Name(original.Manager(v)), imported.Manager(u) < 0 ? "-" : imported.Name(imported.Manager(u)));
            Assert.Equal(original.Level(v), imported.Level(u));
        });
    }

    [Fact]
    public void RoundTrip_ImportedHrExport_KeepsTiesAndTeams()
    {
        OrgGraph hr = HrExportImporter.Import(TestPaths.Scenario("data/northwind-hr.csv"), new HrImportOptions { CrossTeamTiesPerAgent = 1 }, seed: 1).Graph;
        OrgGraph imported = Import(Export(hr)).Graph;
        Assert.Equal(NamedTies(hr), NamedTies(imported));
        Assert.Equal(hr.TeamCount, imported.TeamCount);
    }

    [Fact]
    public void Import_TheSameFileTwice_GivesTheSameOrganisation()
    {
        string text = File.ReadAllText(TestPaths.Scenario("data/small-network-edges.csv"));
        Assert.Equal(Export(Import(text).Graph), Export(Import(text).Graph));
    }

    // ---- Problems: each with its row and kind ----

    [Fact]
    public void EmptyFile_IsAnErrorAtRow1()
    {
        ImportProblem p = Assert.Single(Fails("").Problems);
        Assert.Equal((1, true), (p.Row, p.IsError));
        Assert.StartsWith("the file is empty", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderWithoutTies_IsAnError()
    {
        ImportProblem p = Assert.Single(Fails(Header + "\n").Problems);
        Assert.Equal((1, true), (p.Row, p.IsError));
        Assert.Contains("no ties", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingColumns_AreErrors_ListingTheColumnsFound()
    {
        ImportException e = Fails("from,to\na,b\n");
        Assert.Equal(2, e.Problems.Count);
        Assert.Equal("column \"source\" is missing (it holds the id of one end of each tie); the header has \"from\", \"to\"", e.Problems[0].Message);
        Assert.All(e.Problems, p => Assert.Equal((1, true), (p.Row, p.IsError)));
    }

    [Fact]
    public void BlankEnd_IsAnError()
    {
        ImportProblem p = Assert.Single(Fails(Header + "\na,b,,\n,c,,\n").Problems);
        Assert.Equal((3, true), (p.Row, p.IsError));
        Assert.Equal("the source is blank; every tie needs the ids of both ends", p.Message);
    }

    [Fact]
    public void SelfLoop_IsAnError()
    {
        ImportProblem p = Assert.Single(Fails(Header + "\na,b,,\nc,c,,\n").Problems);
        Assert.Equal((3, true), (p.Row, p.IsError));
        Assert.Equal("the tie joins \"c\" to themself; remove the row", p.Message);
    }

    [Theory]
    [InlineData("b,a,cross_team,1")]
    [InlineData("a,b,mentor,0.5")]
    public void DuplicateTie_EitherDirection_IsAnErrorNamingBothRows(string repeat)
    {
        ImportProblem p = Assert.Single(Fails(Header + "\na,b,,\nb,c,,\n" + repeat + "\n").Problems);
        Assert.Equal((4, true), (p.Row, p.IsError));
        Assert.Contains("are already tied on row 2", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownType_IsAnError_WithTheNearestType()
    {
        ImportProblem p = Assert.Single(Fails(Header + "\na,b,mangaer,1\n").Problems);
        Assert.Equal((2, true), (p.Row, p.IsError));
        Assert.StartsWith("tie type \"mangaer\" is unknown; did you mean \"manager\"? the types are manager, report, team_peer, cross_team,", p.Message, StringComparison.Ordinal);
        Assert.EndsWith("and blank means team_peer", p.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("heavy", "weight \"heavy\" is not a number; write a number in (0, 1] with a decimal point, or leave it blank for 1")]
    [InlineData("\"0,5\"", "weight \"0,5\" is not a number; write a number in (0, 1] with a decimal point, or leave it blank for 1")]
    [InlineData("0", "weight 0 is outside (0, 1]; a tie's weight multiplies how strongly it counts, from just above 0 to 1 (full)")]
    [InlineData("1.5", "weight 1.5 is outside (0, 1]; a tie's weight multiplies how strongly it counts, from just above 0 to 1 (full)")]
    [InlineData("NaN", "weight \"NaN\" is not a number; write a number in (0, 1] with a decimal point, or leave it blank for 1")]
    public void BadWeight_IsAnError(string weight, string message)
    {
        ImportProblem p = Assert.Single(Fails(Header + "\na,b,," + weight + "\n").Problems);
        Assert.Equal((2, true, message), (p.Row, p.IsError, p.Message));
    }

    [Fact]
    public void SecondManager_IsAnError()
    {
        ImportProblem p = Assert.Single(Fails(Header + "\na,m1,manager,\nm2,a,report,\n").Problems);
        Assert.Equal((3, true), (p.Row, p.IsError));
        Assert.Equal("\"a\" already has manager \"m1\" (row 2); an employee has one manager: make the other tie dotted_manager", p.Message);
    }

    [Fact]
    public void ManagerCycle_IsAnError_NamingTheIds()
    {
        ImportProblem p = Assert.Single(Fails(Header + "\nx,y,,\na,b,manager,\nb,c,manager,\nc,a,manager,\n").Problems);
        Assert.Equal((3, true), (p.Row, p.IsError));
        Assert.Equal("manager cycle: \"a\" → \"b\" → \"c\" → \"a\", each reporting to the next (rows 3, 4, 5); someone in it must report to a manager outside it, or have none", p.Message);
    }

    [Fact]
    public void WrongFieldCount_IsAnError()
    {
        ImportProblem p = Assert.Single(Fails(Header + "\na,b,,\nb,c,,1,extra\n").Problems);
        Assert.Equal((3, true), (p.Row, p.IsError));
        Assert.StartsWith("the row has 5 values but the header has 4 columns", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralProblems_AreReportedAllAtOnce_InRowOrder()
    {
        ImportException e = Fails(Header + "\na,a,,\nb,c,boss,\nd,e,,2\n");
        Assert.Equal([2, 3, 4], e.Problems.Select(p => p.Row));
    }
}
