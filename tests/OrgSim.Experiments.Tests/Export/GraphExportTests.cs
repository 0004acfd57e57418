using System.Globalization;
using System.Xml.Linq;
using CsvHelper;
using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Metrics;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Export;

namespace OrgSim.Experiments.Tests.Export;

public class GraphExportTests
{
    private const string Script = "<script>alert(1)</script> & \"x\"";

    private static readonly XNamespace GraphMl = GraphMlWriter.Namespace;
    private static readonly XNamespace Gexf = GexfWriter.Namespace;

    private static readonly string[] NodeAttributeNames = ["name", "level", "team", "function", "site", "remote", "role", "manager"];

    /// <summary>A generated organisation with two sites and remote workers, so weights of 1 and 0.5 and many tie types.</summary>
    private static readonly OrgGraph Generated = HierarchyGenerator.Generate(
        new HierarchyOptions { Agents = 400, Span = 6, Sites = 2, Functions = 2, RemoteShare = 0.2, RemoteTieWeight = 0.5 }, seed: 3);

    [Fact]
    public void GraphMl_IsWellFormedWithEveryNodeAndEveryTieExactlyOnce()
    {
        foreach (OrgGraph graph in new[] { Named(), Generated })
        {
            XDocument doc = XDocument.Parse(Write(GraphMlWriter.Write, graph));
            XElement root = doc.Root!;
            Assert.Equal(GraphMl + "graphml", root.Name);
            XElement g = root.Element(GraphMl + "graph")!;
            Assert.Equal("undirected", (string?)g.Attribute("edgedefault"));

            string[] nodeIds = g.Elements(GraphMl + "node").Select(n => (string)n.Attribute("id")!).ToArray();
            Assert.Equal(Enumerable.Range(0, graph.NodeCount).Select(v => "n" + v.ToString(CultureInfo.InvariantCulture)), nodeIds);

            var pairs = g.Elements(GraphMl + "edge")
                .Select(e => (Id((string)e.Attribute("source")!), Id((string)e.Attribute("target")!)))
                .ToList();
            AssertEveryTieOnce(graph, pairs);

            static int Id(string nodeId) => int.Parse(nodeId.AsSpan(1), CultureInfo.InvariantCulture);
        }
    }

    [Fact]
    public void GraphMl_DeclaresEveryKeyAndGivesEveryNodeAndTieItsAttributes()
    {
        OrgGraph graph = Named();
        XElement root = XDocument.Parse(Write(GraphMlWriter.Write, graph)).Root!;
        var keys = root.Elements(GraphMl + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("for")!);
        Assert.Equal([.. NodeAttributeNames, "type", "weight"], keys.Keys);
        Assert.All(NodeAttributeNames, name => Assert.Equal("node", keys[name]));
        Assert.Equal("edge", keys["type"]);

        XElement g = root.Element(GraphMl + "graph")!;
        foreach (XElement data in g.Descendants(GraphMl + "data"))
        {
            Assert.Contains((string)data.Attribute("key")!, keys.Keys);
        }

        XElement[] nodes = g.Elements(GraphMl + "node").ToArray();
        Assert.All(nodes, n => Assert.Equal(NodeAttributeNames, n.Elements(GraphMl + "data").Select(d => (string)d.Attribute("key")!)));
        Assert.Equal("1", Data(nodes[1], "level"));
        Assert.Equal("manager", Data(nodes[1], "role"));
        Assert.Equal("Chief", Data(nodes[1], "manager"));
        Assert.Equal(string.Empty, Data(nodes[0], "manager"));
        Assert.Equal("executive", Data(nodes[0], "role"));
        Assert.Equal("true", Data(nodes[2], "remote"));
        Assert.Equal("external", Data(nodes[4], "role"));

        XElement crossTeam = g.Elements(GraphMl + "edge").Single(e => (string)e.Attribute("source")! == "n2" && (string)e.Attribute("target")! == "n3");
        Assert.Equal("cross_team", Data(crossTeam, "type"));
        Assert.Equal("0.5", Data(crossTeam, "weight"));

        static string Data(XElement element, string key) =>
            element.Elements(GraphMl + "data").Single(d => (string)d.Attribute("key")! == key).Value;
    }

    [Fact]
    public void EveryFormat_WritesAReportsTieToItsManagerFromTheReportWithTypeManagerWhateverTheIds()
    {
        OrgGraph graph = Named(); // Agent 5 manages agent 3: the manager has the higher id.
        string[] rows = Write(EdgeListCsv.Write, graph).Split('\n');
        Assert.Contains("back\\slash,Zoe,manager,1", rows);
        Assert.Contains("Zoe,Chief,manager,1", rows); // Added from the chief's side as "report".
        Assert.DoesNotContain(rows, r => r.Contains(",report,", StringComparison.Ordinal));

        XElement g = XDocument.Parse(Write(GraphMlWriter.Write, graph)).Root!.Element(GraphMl + "graph")!;
        Assert.Contains(g.Elements(GraphMl + "edge"), e =>
            (string)e.Attribute("source")! == "n3" && (string)e.Attribute("target")! == "n5"
            && e.Elements(GraphMl + "data").Any(d => d.Value == "manager"));

        // DOT draws the manager first, because dot ranks an edge's first end above its second.
        Assert.Contains("  5 -- 3;", Write(DotWriter.Write, graph).Split('\n'));
    }

    [Fact]
    public void GraphMlAndGexf_CarryAHostileNameAsTextAndNeverAsMarkup()
    {
        OrgGraph graph = Named();
        string graphMl = Write(GraphMlWriter.Write, graph);
        string gexf = Write((w, g) => GexfWriter.Write(w, g, null), graph);
        foreach (string text in new[] { graphMl, gexf })
        {
            Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", text, StringComparison.Ordinal);
        }

        XElement g = XDocument.Parse(graphMl).Root!.Element(GraphMl + "graph")!;
        XElement[] nodes = g.Elements(GraphMl + "node").ToArray();
        Assert.Equal(Script, nodes[1].Elements(GraphMl + "data").First(d => (string)d.Attribute("key")! == "name").Value);
        Assert.Equal(Script, nodes[2].Elements(GraphMl + "data").First(d => (string)d.Attribute("key")! == "manager").Value);

        XElement gexfNode = XDocument.Parse(gexf).Descendants(Gexf + "node").Single(n => (string)n.Attribute("id")! == "1");
        Assert.Equal(Script, (string)gexfNode.Attribute("label")!);
        Assert.Equal(Script, (string)gexfNode.Descendants(Gexf + "attvalue").Single(a => (string)a.Attribute("for")! == "name").Attribute("value")!);
    }

    [Fact]
    public void GraphMlAndGexf_KeepLineBreaksAndReplaceCharactersXmlCannotHold()
    {
        var builder = new OrgGraphBuilder(2).SetName(0, "two\nlines\r\n\ttabbed").SetName(1, "bell\u0007 and \uD83D\uDE00");
        OrgGraph graph = builder.AddTie(0, 1, EdgeType.TeamPeer).Build();

        XElement[] nodes = XDocument.Parse(Write(GraphMlWriter.Write, graph)).Descendants(GraphMl + "node").ToArray();
        Assert.Equal("two\nlines\r\n\ttabbed", nodes[0].Elements(GraphMl + "data").First().Value);
        Assert.Equal("bell\uFFFD and \uD83D\uDE00", nodes[1].Elements(GraphMl + "data").First().Value);

        XElement[] gexfNodes = XDocument.Parse(Write((w, g) => GexfWriter.Write(w, g, null), graph)).Descendants(Gexf + "node").ToArray();
        Assert.Equal("two\nlines\r\n\ttabbed", (string)gexfNodes[0].Attribute("label")!);
        Assert.Equal("bell\uFFFD and \uD83D\uDE00", (string)gexfNodes[1].Attribute("label")!);
    }

    [Fact]
    public void Gexf_StaticIsWellFormedWithEveryNodeTieAndAttributeExactlyOnce()
    {
        foreach (OrgGraph graph in new[] { Named(), Generated })
        {
            XElement root = XDocument.Parse(Write((w, g) => GexfWriter.Write(w, g, null), graph)).Root!;
            Assert.Equal(Gexf + "gexf", root.Name);
            Assert.Equal("1.3", (string?)root.Attribute("version"));
            XElement g = root.Element(Gexf + "graph")!;
            Assert.Equal("static", (string?)g.Attribute("mode"));
            Assert.Equal("undirected", (string?)g.Attribute("defaultedgetype"));

            var declared = g.Elements(Gexf + "attributes").ToDictionary(
                a => (string)a.Attribute("class")!,
                a => a.Elements(Gexf + "attribute").Select(x => (string)x.Attribute("id")!).ToArray());
            Assert.Equal(NodeAttributeNames, declared["node"]);
            Assert.Equal(["type"], declared["edge"]);

            XElement[] nodes = g.Element(Gexf + "nodes")!.Elements(Gexf + "node").ToArray();
            Assert.Equal(graph.NodeCount, nodes.Length);
            Assert.Equal(Enumerable.Range(0, graph.NodeCount).Select(v => graph.Name(v)), nodes.Select(n => (string)n.Attribute("label")!));
            Assert.All(nodes, n => Assert.Equal(NodeAttributeNames, n.Descendants(Gexf + "attvalue").Select(a => (string)a.Attribute("for")!)));

            XElement[] edges = g.Element(Gexf + "edges")!.Elements(Gexf + "edge").ToArray();
            Assert.Equal(graph.EdgeCount / 2, int.Parse((string)g.Element(Gexf + "edges")!.Attribute("count")!, CultureInfo.InvariantCulture));
            AssertEveryTieOnce(graph, edges.Select(e => (Int(e, "source"), Int(e, "target"))).ToList());
            Assert.Equal(edges.Length, edges.Select(e => (string)e.Attribute("id")!).Distinct().Count());
            Assert.All(edges, e =>
            {
                int source = Int(e, "source"), target = Int(e, "target");
                int i = graph.Neighbours(source).IndexOf(target);
                Assert.Equal(EdgeTypes.Name(graph.EdgeTypesOf(source)[i]), (string)e.Descendants(Gexf + "attvalue").Single().Attribute("value")!);
                Assert.Equal(graph.EdgeWeightsOf(source)[i], float.Parse((string)e.Attribute("weight")!, CultureInfo.InvariantCulture));
            });
        }
    }

    [Fact]
    public void Gexf_DynamicSpellsReproduceEveryAgentsStagesAtEveryTickOfARun()
    {
        OrgGraph graph = HierarchyGenerator.Generate(new HierarchyOptions { Agents = 300, Span = 5 }, seed: 4);
        (StageChangeLog history, List<byte[]> states) = Run(graph, ticks: 30);
        XElement g = XDocument.Parse(Write((w, og) => GexfWriter.Write(w, og, history), graph)).Root!.Element(Gexf + "graph")!;
        Assert.Equal("dynamic", (string?)g.Attribute("mode"));
        Assert.Equal("integer", (string?)g.Attribute("timeformat"));
        Assert.Equal("0", (string?)g.Attribute("start"));
        Assert.Equal("30", (string?)g.Attribute("end"));
        XElement dynamicDeclarations = g.Elements(Gexf + "attributes").Single(a => (string?)a.Attribute("mode") == "dynamic");
        Assert.Equal(
            ["decisiveness", "circularity", "pacing", "feedforward", GexfWriter.CompetentAttribute],
            dynamicDeclarations.Elements(Gexf + "attribute").Select(a => (string)a.Attribute("id")!));

        int changedPairs = 0;
        foreach (XElement node in g.Element(Gexf + "nodes")!.Elements(Gexf + "node"))
        {
            int v = Int(node, "id");
            ILookup<string, XElement> values = node.Descendants(Gexf + "attvalue").ToLookup(a => (string)a.Attribute("for")!);
            foreach (Competency c in Competencies.All)
            {
                XElement[] spells = values[Competencies.Name(c)].ToArray();
                changedPairs += spells.Length > 1 ? 1 : 0;
                for (int t = 0; t <= 30; t++)
                {
                    Assert.Equal(states[t][(v * 4) + (int)c], ValueAt(spells, t));
                }
            }

            XElement[] competent = values[GexfWriter.CompetentAttribute].ToArray();
            for (int t = 0; t <= 30; t++)
            {
                int expected = Enumerable.Range(0, 4).Count(c => states[t][(v * 4) + c] >= (int)Stages.Competent);
                Assert.Equal(expected, ValueAt(competent, t));
            }

            // Neighbouring competent spells differ in value: one spell per change, not per tick.
            Assert.All(competent.Zip(competent.Skip(1)), pair => Assert.NotEqual(pair.First.Attribute("value")!.Value, pair.Second.Attribute("value")!.Value));
        }

        Assert.True(changedPairs > 100, $"the run should have moved many stages; {changedPairs} agent-competency pairs changed");
    }

    [Fact]
    public void Gexf_RejectsAHistoryOfAnotherOrganisationOrOfNoTick()
    {
        OrgGraph graph = Named();
        Assert.Throws<ArgumentException>(() => GexfWriter.Write(new StringWriter(), graph, new StageChangeLog(graph.NodeCount + 1)));
        Assert.Throws<ArgumentException>(() => GexfWriter.Write(new StringWriter(), graph, new StageChangeLog(graph.NodeCount)));
    }

    [Fact]
    public void Dot_HasOneLinePerNodeAndPerTieWithNamesEscaped()
    {
        foreach (OrgGraph graph in new[] { Named(), Generated })
        {
            string[] lines = Write(DotWriter.Write, graph).Split('\n');
            Assert.Equal("graph orgsim {", lines[0]);
            Assert.Contains("  graph [rankdir=TB, outputorder=edgesfirst];", lines);
            Assert.Equal("}", lines[^2]);
            Assert.Equal(string.Empty, lines[^1]);

            string[] nodeLines = lines.Where(l => l.Contains(" [label=", StringComparison.Ordinal)).ToArray();
            Assert.Equal(graph.NodeCount, nodeLines.Length);
            for (int v = 0; v < graph.NodeCount; v++)
            {
                Assert.StartsWith("  " + v.ToString(CultureInfo.InvariantCulture) + " [label=" + DotWriter.Quote(graph.Name(v)) + ",", nodeLines[v], StringComparison.Ordinal);
            }

            var pairs = lines.Where(l => l.Contains(" -- ", StringComparison.Ordinal))
                .Select(l => l.Trim().TrimEnd(';').Split(' '))
                .Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[2], CultureInfo.InvariantCulture)))
                .ToList();
            AssertEveryTieOnce(graph, pairs);
        }

        string named = Write(DotWriter.Write, Named());
        Assert.Contains("  1 [label=\"<script>alert(1)</script> & \\\"x\\\"\"", named, StringComparison.Ordinal);
        Assert.Contains("  3 [label=\"back\\\\slash\"", named, StringComparison.Ordinal);
        Assert.Contains("  2 -- 3 [style=dashed, color=\"#cccccc\", constraint=false];", named, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\dir\N", "\"C:\\\\dir\\\\N\"")]
    [InlineData("two\r\nlines", "\"two\\nlines\"")]
    public void Dot_QuoteEscapesBackslashesQuotesAndLineBreaks(string text, string expected)
    {
        Assert.Equal(expected, DotWriter.Quote(text));
    }

    [Fact]
    public void EdgeListCsv_HasOneRowPerTieAndReadsBackIntoTheSameTies()
    {
        foreach (OrgGraph graph in new[] { Named(), Generated })
        {
            string text = Write(EdgeListCsv.Write, graph);
            Assert.StartsWith("source,target,type,weight\n", text, StringComparison.Ordinal);

            var ids = Enumerable.Range(0, graph.NodeCount).ToDictionary(graph.Name);
            var rebuilt = new OrgGraphBuilder(graph.NodeCount);
            var pairs = new List<(int, int)>();
            using (var reader = CsvReader.FromText(text, null))
            {
                while (reader.Read())
                {
                    int source = ids[reader.GetString("source")];
                    int target = ids[reader.GetString("target")];
                    EdgeType type = EdgeTypes.Parse(reader.GetString("type")) ?? throw new InvalidOperationException("unknown type");
                    rebuilt.AddTie(source, target, type, float.Parse(reader.GetString("weight"), CultureInfo.InvariantCulture));
                    pairs.Add((source, target));
                }
            }

            AssertEveryTieOnce(graph, pairs);
            OrgGraph back = rebuilt.Build();
            for (int v = 0; v < graph.NodeCount; v++)
            {
                Assert.Equal(Row(graph, v), Row(back, v));
            }
        }

        string named = Write(EdgeListCsv.Write, Named());
        Assert.Contains("\"Bob, Jr.\",\"<script>alert(1)</script> & \"\"x\"\"\",manager,1\n", named, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void EveryFormat_IsByteIdenticalForTheSameGraphInAnyCulture(string culture)
    {
        OrgGraph graph = Generated;
        (StageChangeLog history, _) = Run(graph, ticks: 10);
        Func<string>[] writers =
        [
            () => Write(GraphMlWriter.Write, graph),
            () => Write((w, g) => GexfWriter.Write(w, g, history), graph),
            () => Write(DotWriter.Write, graph),
            () => Write(EdgeListCsv.Write, graph),
        ];
        string[] invariant = writers.Select(w => w()).ToArray();
        Assert.Contains(",0.5\n", invariant[3], StringComparison.Ordinal); // The graph has weights that a culture could write as "0,5".
        Assert.All(invariant, text => Assert.DoesNotContain("\r", text, StringComparison.Ordinal));
        Assert.All(invariant.Take(2), text => Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<", text, StringComparison.Ordinal));

        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(invariant, writers.Select(w => w()).ToArray());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void EveryFormat_WithACancelledToken_ThrowsBeforeWritingAnything()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        (StageChangeLog history, _) = Run(Generated, ticks: 2);
        Action<TextWriter>[] writers =
        [
            w => GraphMlWriter.Write(w, Generated, cancellation.Token),
            w => GexfWriter.Write(w, Generated, history, cancellation.Token),
            w => GexfWriter.Write(w, Generated, null, cancellation.Token),
            w => DotWriter.Write(w, Generated, cancellation.Token),
            w => EdgeListCsv.Write(w, Generated, cancellation.Token),
        ];
        foreach (Action<TextWriter> write in writers)
        {
            using var text = new StringWriter();
            Assert.Throws<OperationCanceledException>(() => write(text));
            Assert.Empty(text.ToString());
        }
    }

    [Fact]
    public void EveryFormat_CancelledWhileWriting_StopsWithinAFewThousandTies()
    {
        // 300 agents all tied: 44,850 ties. The writer below cancels once the first 10,000 characters
        // are out; the export must then stop within one check interval, not run to its end.
        var builder = new OrgGraphBuilder(300);
        for (int a = 0; a < 300; a++)
        {
            for (int b = a + 1; b < 300; b++)
            {
                builder.AddTie(a, b, EdgeType.TeamPeer);
            }
        }

        OrgGraph graph = builder.Build();
        int ties = graph.EdgeCount / 2;
        Action<TextWriter, CancellationToken>[] writers =
        [
            (w, c) => GraphMlWriter.Write(w, graph, c),
            (w, c) => GexfWriter.Write(w, graph, null, c),
            (w, c) => DotWriter.Write(w, graph, c),
            (w, c) => EdgeListCsv.Write(w, graph, c),
        ];
        foreach (Action<TextWriter, CancellationToken> write in writers)
        {
            using var cancellation = new CancellationTokenSource();
            using var whole = new StringWriter();
            write(whole, CancellationToken.None);
            using var cut = new CancellingWriter(cancellation, afterChars: 10_000);
            Assert.Throws<OperationCanceledException>(() => write(cut, cancellation.Token));
            double perTie = (double)whole.GetStringBuilder().Length / ties;
            Assert.True(cut.Written < 10_000 + (2 * 4096 * perTie), $"{cut.Written:N0} characters written after the cancel, of {whole.GetStringBuilder().Length:N0}");
        }
    }

    /// <summary>A writer that counts what it is given and cancels <paramref name="cancellation"/> once it has had <paramref name="afterChars"/> characters: a Ctrl-C at a known point, without timing.</summary>
    private sealed class CancellingWriter(CancellationTokenSource cancellation, int afterChars) : TextWriter
    {
        public long Written { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Count(1);

        public override void Write(char[] buffer, int index, int count) => Count(count);

        public override void Write(string? value) => Count(value?.Length ?? 0);

        private void Count(int chars)
        {
            Written += chars;
            if (Written >= afterChars && !cancellation.IsCancellationRequested)
            {
                cancellation.Cancel();
            }
        }
    }

    /// <summary>
    /// Six named agents: a chief (0), two managers under it (1, with a hostile name, and 5, whose
    /// id is higher than its report's), two front-line agents (2, remote; 3) and an external coach (4),
    /// with ties of most types and weights other than 1.
    /// </summary>
    private static OrgGraph Named()
    {
        var builder = new OrgGraphBuilder(6);
        builder.SetNode(0, -1, 0, 0, Role.Executive).SetName(0, "Chief");
        builder.SetNode(1, 0, 1, 1, Role.Manager).SetName(1, Script);
        builder.SetNode(2, 1, 2, 2, Role.FrontLine).SetName(2, "Bob, Jr.").SetPlacement(2, 0, 1, remote: true);
        builder.SetNode(3, 5, 3, 2, Role.FrontLine).SetName(3, @"back\slash");
        builder.SetNode(4, -1, 4, 0, Role.External).SetName(4, "Coach");
        builder.SetNode(5, 0, 1, 1, Role.Manager).SetName(5, "Zoe");
        builder.AddTie(1, 0, EdgeType.Manager);
        builder.AddTie(2, 1, EdgeType.Manager);
        builder.AddTie(0, 5, EdgeType.Report);
        builder.AddTie(3, 5, EdgeType.Manager);
        builder.AddTie(1, 5, EdgeType.TeamPeer);
        builder.AddTie(2, 3, EdgeType.CrossTeam, 0.5f);
        builder.AddTie(4, 2, EdgeType.Coachee, 0.25f);
        builder.AddTie(3, 1, EdgeType.Mentor, 0.75f);
        builder.AddTie(2, 0, EdgeType.SkipManager);
        return builder.Build();
    }

    private static (StageChangeLog History, List<byte[]> States) Run(OrgGraph graph, int ticks)
    {
        var parameters = new ModelParameters
        {
            Transmission = 1,
            PracticeBase = 1,
            RepetitionsToPractised = 1,
            RepetitionsToHabit = 3,
            ForgetGraceWeeks = 1,
            ForgetRate = 0.5,
            DeployProbabilityPractised = 0.3,
        };
        using var simulation = new Simulation(graph, parameters, seed: 5);
        simulation.Seed(SeedSelector.Select(graph, SeedingStrategy.Random, graph.NodeCount / 10, 5), CompetencySet.All, Stage.ConsciousCompetence);
        var history = new StageChangeLog(graph.NodeCount);
        var states = new List<byte[]>();
        history.Record(0, simulation.State);
        states.Add(simulation.State.CopyStages());
        for (int t = 1; t <= ticks; t++)
        {
            simulation.Step();
            history.Record(t, simulation.State);
            states.Add(simulation.State.CopyStages());
        }

        return (history, states);
    }

    /// <summary>The value of the one spell in <paramref name="spells"/> whose inclusive [start, end] holds <paramref name="tick"/>.</summary>
    private static int ValueAt(XElement[] spells, int tick)
    {
        XElement spell = Assert.Single(spells, s => Int(s, "start") <= tick && tick <= Int(s, "end"));
        return Int(spell, "value");
    }

    /// <summary>The pairs are the graph's ties, each exactly once in one direction.</summary>
    private static void AssertEveryTieOnce(OrgGraph graph, List<(int Source, int Target)> pairs)
    {
        Assert.Equal(graph.EdgeCount / 2, pairs.Count);
        var unordered = pairs.Select(p => (Math.Min(p.Source, p.Target), Math.Max(p.Source, p.Target))).ToHashSet();
        Assert.Equal(pairs.Count, unordered.Count);
        var expected = new HashSet<(int, int)>();
        for (int v = 0; v < graph.NodeCount; v++)
        {
            foreach (int u in graph.Neighbours(v))
            {
                expected.Add((Math.Min(v, u), Math.Max(v, u)));
            }
        }

        Assert.Equal(expected, unordered);
    }

    private static (int, EdgeType, float)[] Row(OrgGraph graph, int v)
    {
        var row = new (int, EdgeType, float)[graph.Degree(v)];
        for (int i = 0; i < row.Length; i++)
        {
            row[i] = (graph.Neighbours(v)[i], graph.EdgeTypesOf(v)[i], graph.EdgeWeightsOf(v)[i]);
        }

        return [.. row.OrderBy(r => r.Item1)];
    }

    private static int Int(XElement element, string attribute) =>
        int.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static string Write(Action<TextWriter, OrgGraph> write, OrgGraph graph)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer, graph);
        return writer.ToString();
    }
}
