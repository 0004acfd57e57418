using System.Globalization;
using System.Xml;
using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Core.Metrics;

namespace OrgSim.Experiments.Export;

/// <summary>
/// Writes an organisation as GEXF 1.3 (<c>http://gexf.net/1.3</c>) for Gephi: every agent with
/// its attributes, every tie once with its type and weight, and, given a run's history, each
/// agent's stages over time as dynamic attributes, so Gephi's timeline plays the spread.
/// </summary>
/// <remarks>
/// <para>
/// Node ids are agent ids and labels are names; ties are oriented and ordered as in
/// <see cref="EdgeListCsv"/>, with the relationship in the edge attribute <c>type</c> (the XML
/// attribute <c>type</c> of a GEXF edge is reserved for directed or undirected).
/// </para>
/// <para>
/// With a history the graph is <c>mode="dynamic"</c> with <c>timeformat="integer"</c> (one unit is
/// one tick, a week) and spans the recorded ticks. The dynamic node attributes
/// <c>decisiveness</c>, <c>circularity</c>, <c>pacing</c>, <c>feedforward</c> (stage 0–3) and
/// <c>competent</c> (how many of the four are at stage 2 or above) are written as
/// <c>&lt;attvalue for="pacing" value="2" start="13" end="40"/&gt;</c>: GEXF 1.3 removed the
/// open bounds <c>startopen</c>/<c>endopen</c> of 1.2, so <c>start</c> and <c>end</c> are both
/// inclusive (gephi/gexf <c>1.3/dynamics.xsd</c>). A spell of ticks <c>[from, to)</c> is therefore
/// written <c>start=from end=to-1</c>, which cannot overlap the next spell, and the last spell ends
/// at the last recorded tick. Gephi rejects overlapping intervals, and its intervals are closed too.
/// </para>
/// </remarks>
public static class GexfWriter
{
    /// <summary>The GEXF 1.3 namespace.</summary>
    public const string Namespace = "http://gexf.net/1.3";

    /// <summary>The title of the dynamic attribute counting an agent's competencies at stage 2 or above (0–4).</summary>
    public const string CompetentAttribute = "competent";

    /// <summary>Writes <paramref name="graph"/>, with the stages of <paramref name="history"/> over time when it is given.</summary>
    /// <exception cref="ArgumentException">The history is of another number of agents, or holds no tick.</exception>
    public static void Write(TextWriter writer, OrgGraph graph, StageChangeLog? history) => Write(writer, graph, history, CancellationToken.None);

    /// <summary>Writes <paramref name="graph"/>, with the stages of <paramref name="history"/> over time when it is given.</summary>
    /// <exception cref="ArgumentException">The history is of another number of agents, or holds no tick.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; checked before the first line and every few thousand agents or ties.</exception>
    public static void Write(TextWriter writer, OrgGraph graph, StageChangeLog? history, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(graph);
        cancellation.ThrowIfCancellationRequested();
        if (history is not null && history.AgentCount != graph.NodeCount)
        {
            throw new ArgumentException($"the history records {history.AgentCount} agents; the organisation has {graph.NodeCount}", nameof(history));
        }

        if (history is { HasRecords: false })
        {
            throw new ArgumentException("the history holds no recorded tick", nameof(history));
        }

        using XmlWriter xml = GraphMlWriter.CreateXmlWriter(writer);
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta", Namespace);
        xml.WriteElementString("creator", Namespace, "OrgSim");
        xml.WriteElementString("description", Namespace, history is null
            ? "An organisation: agents and their ties"
            : "An organisation and the stages of its agents' four competencies, week by week");
        xml.WriteEndElement();

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("defaultedgetype", "undirected");
        if (history is null)
        {
            xml.WriteAttributeString("mode", "static");
        }
        else
        {
            xml.WriteAttributeString("mode", "dynamic");
            xml.WriteAttributeString("timeformat", "integer");
            xml.WriteAttributeString("start", Number(history.FirstTick));
            xml.WriteAttributeString("end", Number(history.LastTick));
        }

        WriteAttributeDeclarations(xml, history is not null);
        int written = 0;
        WriteNodes(xml, graph, history, ref written, cancellation);
        WriteEdges(xml, graph, ref written, cancellation);

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.Flush();
        writer.Write('\n');
    }

    private static void WriteAttributeDeclarations(XmlWriter xml, bool dynamic)
    {
        xml.WriteStartElement("attributes", Namespace);
        xml.WriteAttributeString("class", "node");
        xml.WriteAttributeString("mode", "static");
        foreach (GraphMlWriter.NodeAttribute attribute in GraphMlWriter.NodeAttributes)
        {
            WriteDeclaration(xml, attribute.Name, attribute.GexfType);
        }

        xml.WriteEndElement();
        if (dynamic)
        {
            xml.WriteStartElement("attributes", Namespace);
            xml.WriteAttributeString("class", "node");
            xml.WriteAttributeString("mode", "dynamic");
            foreach (Competency competency in Competencies.All)
            {
                WriteDeclaration(xml, Competencies.Name(competency), "integer");
            }

            WriteDeclaration(xml, CompetentAttribute, "integer");
            xml.WriteEndElement();
        }

        xml.WriteStartElement("attributes", Namespace);
        xml.WriteAttributeString("class", "edge");
        xml.WriteAttributeString("mode", "static");
        WriteDeclaration(xml, "type", "string");
        xml.WriteEndElement();
    }

    private static void WriteNodes(XmlWriter xml, OrgGraph graph, StageChangeLog? history, ref int written, CancellationToken cancellation)
    {
        xml.WriteStartElement("nodes", Namespace);
        xml.WriteAttributeString("count", Number(graph.NodeCount));
        var spells = new IReadOnlyList<StageSpell>[Competencies.Count];
        for (int v = 0; v < graph.NodeCount; v++)
        {
            ExportCancellation.Tick(ref written, cancellation);
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", Number(v));
            xml.WriteAttributeString("label", GraphMlWriter.XmlSafe(graph.Name(v)));
            xml.WriteStartElement("attvalues", Namespace);
            foreach (GraphMlWriter.NodeAttribute attribute in GraphMlWriter.NodeAttributes)
            {
                WriteValue(xml, attribute.Name, GraphMlWriter.XmlSafe(attribute.Value(graph, v)));
            }

            if (history is not null)
            {
                foreach (Competency competency in Competencies.All)
                {
                    spells[(int)competency] = history.Spells(v, competency);
                    foreach (StageSpell spell in spells[(int)competency])
                    {
                        WriteSpell(xml, Competencies.Name(competency), (int)spell.Stage, spell.FromTick, spell.ToTick, history.LastTick);
                    }
                }

                WriteCompetentSpells(xml, spells, history);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>
    /// The number of competent competencies over time, from the four spell lists: walks their
    /// boundaries in order and writes one spell per change of the count.
    /// </summary>
    private static void WriteCompetentSpells(XmlWriter xml, IReadOnlyList<StageSpell>[] spells, StageChangeLog history)
    {
        Span<int> at = stackalloc int[Competencies.Count];
        int from = history.FirstTick;
        int count = CompetentCount(spells, at);
        while (true)
        {
            int next = int.MaxValue;
            for (int c = 0; c < spells.Length; c++)
            {
                if (spells[c][at[c]].ToTick is { } to)
                {
                    next = Math.Min(next, to);
                }
            }

            if (next == int.MaxValue)
            {
                WriteSpell(xml, CompetentAttribute, count, from, null, history.LastTick);
                return;
            }

            for (int c = 0; c < spells.Length; c++)
            {
                if (spells[c][at[c]].ToTick == next)
                {
                    at[c]++;
                }
            }

            int nextCount = CompetentCount(spells, at);
            if (nextCount != count)
            {
                WriteSpell(xml, CompetentAttribute, count, from, next, history.LastTick);
                from = next;
                count = nextCount;
            }
        }
    }

    private static int CompetentCount(IReadOnlyList<StageSpell>[] spells, ReadOnlySpan<int> at)
    {
        int count = 0;
        for (int c = 0; c < spells.Length; c++)
        {
            if (spells[c][at[c]].Stage >= Stages.Competent)
            {
                count++;
            }
        }

        return count;
    }

    private static void WriteEdges(XmlWriter xml, OrgGraph graph, ref int written, CancellationToken cancellation)
    {
        xml.WriteStartElement("edges", Namespace);
        xml.WriteAttributeString("count", Number(EdgeListCsv.TieCount(graph)));
        int id = 0;
        for (int v = 0; v < graph.NodeCount; v++)
        {
            ReadOnlySpan<int> contacts = graph.Neighbours(v);
            ReadOnlySpan<EdgeType> types = graph.EdgeTypesOf(v);
            ReadOnlySpan<float> weights = graph.EdgeWeightsOf(v);
            for (int i = 0; i < contacts.Length; i++)
            {
                if (EdgeListCsv.IsWrittenFrom(v, contacts[i], types[i]))
                {
                    ExportCancellation.Tick(ref written, cancellation);
                    xml.WriteStartElement("edge", Namespace);
                    xml.WriteAttributeString("id", Number(id++));
                    xml.WriteAttributeString("source", Number(v));
                    xml.WriteAttributeString("target", Number(contacts[i]));
                    xml.WriteAttributeString("weight", EdgeListCsv.Weight(weights[i]));
                    xml.WriteStartElement("attvalues", Namespace);
                    WriteValue(xml, "type", EdgeTypes.Name(types[i]));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }
            }
        }

        xml.WriteEndElement();
    }

    private static void WriteDeclaration(XmlWriter xml, string id, string type)
    {
        xml.WriteStartElement("attribute", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("title", id);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    private static void WriteValue(XmlWriter xml, string attribute, string value)
    {
        xml.WriteStartElement("attvalue", Namespace);
        xml.WriteAttributeString("for", attribute);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }

    /// <summary>Writes a spell of ticks [from, to) — to the last tick when open — with GEXF 1.3's inclusive bounds.</summary>
    private static void WriteSpell(XmlWriter xml, string attribute, int value, int from, int? to, int lastTick)
    {
        xml.WriteStartElement("attvalue", Namespace);
        xml.WriteAttributeString("for", attribute);
        xml.WriteAttributeString("value", Number(value));
        xml.WriteAttributeString("start", Number(from));
        xml.WriteAttributeString("end", Number(to is { } t ? t - 1 : lastTick));
        xml.WriteEndElement();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
