using System.Globalization;
using System.Text;
using System.Xml;
using OrgSim.Core.Graph;

namespace OrgSim.Experiments.Export;

/// <summary>
/// Writes an organisation as GraphML (<c>http://graphml.graphdrawing.org/xmlns</c>) for yEd,
/// Cytoscape, NetworkX or igraph: an undirected graph, every agent with its attributes, every tie
/// once with its type and weight.
/// </summary>
/// <remarks>
/// Node ids are <c>n0</c>, <c>n1</c>, … by agent id (GraphML ids must be XML name tokens, which
/// HR names are not); the name is the <c>name</c> attribute. Ties are oriented and ordered as in
/// <see cref="EdgeListCsv"/>. The output is UTF-8 text with LF line ends, byte-identical for the
/// same graph; write it through a UTF-8 writer, as the declaration says.
/// </remarks>
public static class GraphMlWriter
{
    /// <summary>The GraphML namespace.</summary>
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    private const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>
    /// The static attributes of every agent, shared with <see cref="GexfWriter"/>, in the order
    /// written: name, level, team, function, site, remote, role, manager (its name, or empty).
    /// </summary>
    internal static IReadOnlyList<NodeAttribute> NodeAttributes { get; } =
    [
        new("name", "string", "string", (g, v) => g.Name(v)),
        new("level", "int", "integer", (g, v) => Number(g.Level(v))),
        new("team", "int", "integer", (g, v) => Number(g.Team(v))),
        new("function", "int", "integer", (g, v) => Number(g.Function(v))),
        new("site", "int", "integer", (g, v) => Number(g.Site(v))),
        new("remote", "boolean", "boolean", (g, v) => g.IsRemote(v) ? "true" : "false"),
        new("role", "string", "string", (g, v) => RoleName(g.Role(v))),
        new("manager", "string", "string", (g, v) => g.Manager(v) < 0 ? string.Empty : g.Name(g.Manager(v))),
    ];

    /// <summary>Writes <paramref name="graph"/> as a GraphML document.</summary>
    public static void Write(TextWriter writer, OrgGraph graph) => Write(writer, graph, CancellationToken.None);

    /// <summary>Writes <paramref name="graph"/> as a GraphML document.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; checked before the first line and every few thousand agents or ties.</exception>
    public static void Write(TextWriter writer, OrgGraph graph, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(graph);
        cancellation.ThrowIfCancellationRequested();
        int written = 0;
        using XmlWriter xml = CreateXmlWriter(writer);
        xml.WriteStartElement("graphml", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, SchemaInstance);
        xml.WriteAttributeString("schemaLocation", SchemaInstance, Namespace + " " + Namespace + "/1.0/graphml.xsd");
        foreach (NodeAttribute attribute in NodeAttributes)
        {
            WriteKey(xml, attribute.Name, "node", attribute.GraphMlType);
        }

        WriteKey(xml, "type", "edge", "string");
        WriteKey(xml, "weight", "edge", "double");

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", "orgsim");
        xml.WriteAttributeString("edgedefault", "undirected");
        for (int v = 0; v < graph.NodeCount; v++)
        {
            ExportCancellation.Tick(ref written, cancellation);
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", NodeId(v));
            foreach (NodeAttribute attribute in NodeAttributes)
            {
                WriteData(xml, attribute.Name, attribute.Value(graph, v));
            }

            xml.WriteEndElement();
        }

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
                    xml.WriteAttributeString("source", NodeId(v));
                    xml.WriteAttributeString("target", NodeId(contacts[i]));
                    WriteData(xml, "type", EdgeTypes.Name(types[i]));
                    WriteData(xml, "weight", EdgeListCsv.Weight(weights[i]));
                    xml.WriteEndElement();
                }
            }
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.Flush();
        writer.Write('\n');
    }

    /// <summary>The GraphML id of agent <paramref name="v"/>: <c>n</c> and its number.</summary>
    public static string NodeId(int v) => "n" + Number(v);

    /// <summary>The snake-case name of a role, as in scenario files: executive, manager, front_line, external.</summary>
    public static string RoleName(Role role) => role switch
    {
        Role.Executive => "executive",
        Role.Manager => "manager",
        Role.FrontLine => "front_line",
        Role.External => "external",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "should be a defined role"),
    };

    /// <summary>
    /// An XML writer in OrgSim's form: after a UTF-8 declaration, two-space indents, LF line
    /// ends, and line breaks inside values written as character references so they read back
    /// unchanged.
    /// </summary>
    internal static XmlWriter CreateXmlWriter(TextWriter writer)
    {
        // A TextWriter decides the encoding XmlWriter would declare (UTF-16 for a StringWriter), so
        // the declaration is written by hand: the files are UTF-8, which is also XML's default.
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        return XmlWriter.Create(writer, new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            CloseOutput = false,
        });
    }

    /// <summary>
    /// <paramref name="text"/> with each character XML 1.0 cannot carry (control characters, lone
    /// surrogates) replaced by U+FFFD, so a stray byte in an HR export cannot make the file
    /// unreadable; the text itself when it is clean, which is almost always.
    /// </summary>
    internal static string XmlSafe(string text)
    {
        int bad = FirstInvalidXmlChar(text);
        if (bad < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, bad);
        for (int i = bad; i < text.Length; i++)
        {
            char c = text[i];
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                clean.Append(c).Append(text[i + 1]);
                i++;
            }
            else
            {
                clean.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }

        return clean.ToString();
    }

    private static int FirstInvalidXmlChar(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    private static void WriteKey(XmlWriter xml, string id, string domain, string type)
    {
        xml.WriteStartElement("key", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", domain);
        xml.WriteAttributeString("attr.name", id);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void WriteData(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(XmlSafe(value));
        xml.WriteEndElement();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A static node attribute: its name, its GraphML and GEXF types, and how to read it.</summary>
    internal sealed record NodeAttribute(string Name, string GraphMlType, string GexfType, Func<OrgGraph, int, string> Value);
}
