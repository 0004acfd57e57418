using OrgSim.Core.Graph;
using OrgSim.Experiments.Import;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

public class OrgChartIcicleTests
{
    /// <summary>Northwind, the 325 people of scenarios/hr-import.yaml, as its run records them.</summary>
    internal static OrgChart Northwind()
    {
        using var reader = new StreamReader(Path.Combine(TestPaths.RepoRoot, "scenarios", "data", "northwind-hr.csv"));
        var options = new HrImportOptions { Columns = new HrColumns { Id = "employee_id", Manager = "manager_id", Team = "team", Function = "function", Site = "site", Role = "role", Remote = "remote" } };
        OrgGraph graph = HrExportImporter.Import(reader, "northwind-hr.csv", options, seed: 407).Graph;
        return Recorded(graph);
    }

    /// <summary>5,000 agents, spans drawn from 4 to 10: several hundred teams over six levels, the consultant's large case.</summary>
    internal static OrgChart FiveThousand() =>
        Recorded(HierarchyGenerator.Generate(new HierarchyOptions { Agents = 5_000, Span = 4, SpanMax = 10, CrossTeamTiesPerAgent = 0 }, seed: 20261122));

    private static OrgChart Recorded(OrgGraph graph)
    {
        var recorder = new OrgChartRecorder(graph);
        recorder.Record(0, new OrgSim.Core.Agents.AgentState(graph.NodeCount));
        return OrgChart.ForArm("arm", recorder);
    }

    public static TheoryData<string> Organisations => ["northwind", "5000"];

    private static OrgChart Organisation(string name) => name == "northwind" ? Northwind() : FiveThousand();

    [Theory]
    [MemberData(nameof(Organisations))]
    public void Compute_PutsEveryLabelInsideItsRectangleAndNoTwoLabelsOverlap(string name)
    {
        OrgChartIcicle icicle = OrgChartIcicle.Compute(Organisation(name));

        var labelled = icicle.Cells.Where(c => c.Label is not null).ToList();
        Assert.NotEmpty(labelled);
        foreach (IcicleCell cell in labelled)
        {
            IcicleLabel box = cell.Label!;
            IcicleRow row = icicle.Rows[cell.Row];
            Assert.True(box.X >= cell.X - 1e-9 && box.X + box.Width <= cell.X + cell.Width + 1e-9, $"{cell.Name} overflows its rectangle sideways");
            Assert.True(box.Y >= row.Top - 1e-9 && box.Y + box.Height <= row.Top + row.Height + 1e-9, $"{cell.Name} overflows its row");
            Assert.Equal(cell.Name, string.Join(' ', box.Lines));
        }

        for (int i = 0; i < labelled.Count; i++)
        {
            for (int j = i + 1; j < labelled.Count; j++)
            {
                IcicleLabel a = labelled[i].Label!, b = labelled[j].Label!;
                bool apart = a.X + a.Width <= b.X + 1e-9 || b.X + b.Width <= a.X + 1e-9 || a.Y + a.Height <= b.Y + 1e-9 || b.Y + b.Height <= a.Y + 1e-9;
                Assert.True(apart, $"the labels of {labelled[i].Name} and {labelled[j].Name} overlap");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Organisations))]
    public void Compute_HasOneRowPerLevelAndNestsEveryRectangleWithinItsParents(string name)
    {
        OrgChart chart = Organisation(name);
        OrgChartIcicle icicle = OrgChartIcicle.Compute(chart);

        int levels = chart.Teams.Max(t => t.Level) + 1;
        Assert.Equal(levels, icicle.Rows.Count);
        Assert.Equal(Enumerable.Range(0, levels).Select(l => "Level " + l), icicle.Rows.Select(r => r.Label));
        Assert.All(icicle.Cells, c => Assert.All(c.Teams, t => Assert.Equal(c.Row, chart.Teams[t].Level)));

        // Every team is in exactly one rectangle, and every rectangle lies within the one above that holds its teams' parent.
        Assert.Equal(Enumerable.Range(0, chart.Teams.Count), icicle.Cells.SelectMany(c => c.Teams).Order());
        var cellOf = new Dictionary<int, IcicleCell>();
        foreach (IcicleCell cell in icicle.Cells)
        {
            foreach (int t in cell.Teams)
            {
                cellOf[t] = cell;
            }
        }

        foreach (IcicleCell cell in icicle.Cells.Where(c => c.Row > 0))
        {
            foreach (IcicleCell parent in cell.Teams.Select(t => cellOf[chart.Teams[t].Parent]).Distinct())
            {
                Assert.Equal(cell.Row - 1, parent.Row);
                Assert.True(cell.X >= parent.X - 1e-6 && cell.X + cell.Width <= parent.X + parent.Width + 1e-6, $"{cell.Name} sticks out of {parent.Name}");
            }
        }

        // Within a row, rectangles do not overlap and stay inside the drawing.
        foreach (var row in icicle.Cells.GroupBy(c => c.Row))
        {
            var ordered = row.OrderBy(c => c.X).ToList();
            Assert.All(ordered.Zip(ordered.Skip(1)), p => Assert.True(p.First.X + p.First.Width <= p.Second.X + 1e-6));
            Assert.All(ordered, c => Assert.True(c.X >= OrgChartIcicle.Left - 1e-6 && c.X + c.Width <= OrgChartIcicle.Width - OrgChartIcicle.Right + 1e-6));
        }
    }

    [Theory]
    [MemberData(nameof(Organisations))]
    public void Compute_MakesWidthsProportionalToTheHeadcountOfEachRectangleAndEveryoneUnderIt(string name)
    {
        OrgChart chart = Organisation(name);
        OrgChartIcicle icicle = OrgChartIcicle.Compute(chart);
        var under = new long[chart.Teams.Count];
        foreach (int t in Enumerable.Range(0, chart.Teams.Count).OrderByDescending(t => chart.Teams[t].Level))
        {
            under[t] += chart.Teams[t].Size;
            if (chart.Teams[t].Parent >= 0)
            {
                under[chart.Teams[t].Parent] += under[t];
            }
        }

        double scale = (OrgChartIcicle.Width - OrgChartIcicle.Left - OrgChartIcicle.Right) / chart.Teams.Sum(t => t.Size);
        Assert.Equal(OrgChartIcicle.Width - OrgChartIcicle.Left - OrgChartIcicle.Right, icicle.Cells.Where(c => c.Row == 0).Sum(c => c.Width), 6);
        foreach (IcicleCell cell in icicle.Cells.Where(c => !c.Pooled))
        {
            Assert.Equal(under[cell.Teams[0]] * scale, cell.Width, 6);
        }

        // A pooled rectangle is its teams and everyone under them.
        foreach (IcicleCell cell in icicle.Cells.Where(c => c.Pooled))
        {
            Assert.Equal(cell.Teams.Sum(t => under[t]) * scale, cell.Width, 6);
            Assert.Equal(cell.Teams.Length + " teams", cell.Name.Replace(",", string.Empty, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Compute_AtFiveThousandAgents_PoolsNarrowTeamsAndStillNamesTheUpperLevels()
    {
        OrgChart chart = FiveThousand();
        OrgChartIcicle icicle = OrgChartIcicle.Compute(chart);

        Assert.InRange(chart.Teams.Count, 500, 1000);
        Assert.Contains(icicle.Cells, c => c.Pooled);
        Assert.True(icicle.Cells.Count < chart.Teams.Count / 2, $"{icicle.Cells.Count} rectangles for {chart.Teams.Count} teams");
        Assert.All(icicle.Cells.Where(c => !c.Pooled), c => Assert.True(c.Width >= OrgChartIcicle.MinCellWidth));
        Assert.All(icicle.Cells.Where(c => c.Row <= 2), c => Assert.NotNull(c.Label));
        Assert.All(icicle.Rows.Skip(1), r => Assert.Contains(icicle.Cells, c => icicle.Rows[c.Row] == r && c.Label is not null));
    }

    [Fact]
    public void Compute_AtNorthwind_NamesMostTeamsWithTheirOwnNames()
    {
        OrgChart chart = Northwind();
        OrgChartIcicle icicle = OrgChartIcicle.Compute(chart);

        Assert.DoesNotContain(icicle.Cells, c => c.Pooled);
        Assert.True(icicle.Cells.Count(c => c.Label is not null) >= 0.85 * chart.Teams.Count, $"{icicle.Cells.Count(c => c.Label is not null)} of {chart.Teams.Count} named");
        Assert.Contains(icicle.Cells, c => c.Name == "Finance Leadership" && c.Label is not null);
        Assert.Contains(icicle.Cells, c => c.Name == "Warehouse North" && c.Label is not null);
    }

    [Fact]
    public void Rows_AreLabelledWithEveryLevelTheyHold_WhenALevelHasNoTeamOfItsOwn()
    {
        // Brightway's directors (level 1) sit in the board's team with the chief executive (level 0):
        // no row starts at level 1, and the board's row says it holds it, as levels.svg counts it.
        using var reader = new StreamReader(Path.Combine(TestPaths.RepoRoot, "scenarios", "data", "retail-chain-hr.csv"));
        OrgGraph graph = HrExportImporter.Import(reader, "retail-chain-hr.csv", new HrImportOptions(), seed: 1284).Graph;
        OrgChartIcicle icicle = OrgChartIcicle.Compute(Recorded(graph));

        Assert.Equal(["Levels 0–1", "Level 2", "Level 3", "Level 4"], icicle.Rows.Select(r => r.Label));
    }

    [Fact]
    public void Compute_IsTheSameForTheSameChart()
    {
        OrgChartIcicle a = OrgChartIcicle.Compute(FiveThousand()), b = OrgChartIcicle.Compute(FiveThousand());

        Assert.Equal(a.Rows, b.Rows);
        Assert.Equal(a.Cells.Select(c => (c.X, c.Width, c.Name, c.Label?.X, c.Label?.Vertical)), b.Cells.Select(c => (c.X, c.Width, c.Name, c.Label?.X, c.Label?.Vertical)));
    }

    [Theory]
    [InlineData("Sales South Wholesale", 1, new[] { "Sales South Wholesale" })]
    [InlineData("Sales South Wholesale", 2, new[] { "Sales South", "Wholesale" })]
    [InlineData("Regional Sales South Leads", 3, new[] { "Regional", "Sales South", "Leads" })]
    [InlineData("Payroll", 3, new[] { "Payroll" })]
    public void Wrap_BreaksAtSpacesSoTheLongestLineIsShortest(string text, int lines, string[] expected) =>
        Assert.Equal(expected, OrgChartIcicle.Wrap(text, lines));

    [Fact]
    public void Percent_IsThePeopleWeightedMeanOfThePooledTeams()
    {
        var teams = new List<OrgChartTeam> { new(0, -1, 0, 1, "a"), new(1, 0, 1, 3, "b"), new(2, 0, 1, 1, "c") };
        var cell = new IcicleCell(1, 0, 10, [1, 2], "2 teams", 4, true, null);

        Assert.Equal(75, OrgChartIcicle.Percent(cell, [0, 100, 0], teams));
    }
}
