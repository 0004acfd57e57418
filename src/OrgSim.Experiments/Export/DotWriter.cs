using System.Globalization;
using System.Text;
using OrgSim.Core.Graph;

namespace OrgSim.Experiments.Export;

/// <summary>
/// Writes an organisation as a Graphviz DOT graph, <c>graph orgsim { … }</c>, laid out top-down by
/// <c>dot</c>: one line per agent (labelled with its name, filled by role) and one line per tie
/// (reporting lines solid, the rest styled by type and left out of the ranking).
/// </summary>
/// <remarks>
/// Every agent and tie is written whatever the size (but for a complete network above
/// <see cref="ExportLimits.MaxCompleteTies"/>, which <c>orgsim graph</c> refuses first): the user
/// chose the format, and <c>sfdp</c> handles graphs that <c>dot</c> does not. Ties are those of
/// <see cref="EdgeListCsv"/>, but a tie with a senior end (manager, mentor, coach, …) is written
/// senior first, because <c>dot</c> ranks the first end of an edge above the second. Output is
/// byte-identical for the same graph, with LF line ends.
/// </remarks>
public static class DotWriter
{
    /// <summary>Writes <paramref name="graph"/> as DOT text.</summary>
    public static void Write(TextWriter writer, OrgGraph graph) => Write(writer, graph, CancellationToken.None);

    /// <summary>Writes <paramref name="graph"/> as DOT text.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; checked before the first line and every few thousand agents or ties.</exception>
    public static void Write(TextWriter writer, OrgGraph graph, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(graph);
        cancellation.ThrowIfCancellationRequested();
        int written = 0;
        writer.Write("graph orgsim {\n");
        writer.Write("  graph [rankdir=TB, outputorder=edgesfirst];\n");
        writer.Write("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10];\n");
        writer.Write("  edge [color=\"#333333\"];\n");
        for (int v = 0; v < graph.NodeCount; v++)
        {
            ExportCancellation.Tick(ref written, cancellation);
            writer.Write("  ");
            writer.Write(Number(v));
            writer.Write(" [label=");
            writer.Write(Quote(graph.Name(v)));
            writer.Write(", fillcolor=\"");
            writer.Write(RoleColour(graph.Role(v)));
            writer.Write("\"];\n");
        }

        for (int v = 0; v < graph.NodeCount; v++)
        {
            ReadOnlySpan<int> contacts = graph.Neighbours(v);
            ReadOnlySpan<EdgeType> types = graph.EdgeTypesOf(v);
            for (int i = 0; i < contacts.Length; i++)
            {
                if (EdgeListCsv.IsWrittenFrom(v, contacts[i], types[i]))
                {
                    ExportCancellation.Tick(ref written, cancellation);
                    bool seniorFirst = EdgeListCsv.IsSeniorEnd(types[i]);
                    writer.Write("  ");
                    writer.Write(Number(seniorFirst ? contacts[i] : v));
                    writer.Write(" -- ");
                    writer.Write(Number(seniorFirst ? v : contacts[i]));
                    writer.Write(Style(types[i]));
                    writer.Write(";\n");
                }
            }
        }

        writer.Write("}\n");
    }

    /// <summary>
    /// <paramref name="text"/> as a DOT quoted string: backslashes and double quotes escaped, line
    /// breaks as <c>\n</c> (carriage returns dropped), so every name stays on its one line and shows as written.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quoted = new StringBuilder(text.Length + 2);
        quoted.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\':
                    quoted.Append(@"\\");
                    break;
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\n':
                    quoted.Append(@"\n");
                    break;
                case '\r':
                    break;
                default:
                    quoted.Append(c);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Reporting lines keep the defaults and rank the chart; other ties are styled by type and do not constrain ranks.</summary>
    private static string Style(EdgeType type) => type switch
    {
        EdgeType.Manager or EdgeType.Report => string.Empty,
        EdgeType.TeamPeer => " [style=dotted, color=\"#999999\", constraint=false]",
        EdgeType.CrossTeam => " [style=dashed, color=\"#cccccc\", constraint=false]",
        EdgeType.DottedManager or EdgeType.DottedReport => " [style=dashed, color=\"#333333\", constraint=false]",
        EdgeType.Mentor or EdgeType.Mentee => " [color=\"#1f77b4\", constraint=false]",
        EdgeType.Coach or EdgeType.Coachee => " [color=\"#2ca02c\", constraint=false]",
        EdgeType.CirclePeer => " [style=dotted, color=\"#9467bd\", constraint=false]",
        EdgeType.SkipManager or EdgeType.SkipReport => " [style=dashed, color=\"#8c564b\", constraint=false]",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "should be a defined edge type"),
    };

    /// <summary>Light fills that keep black labels readable on a projector.</summary>
    private static string RoleColour(Role role) => role switch
    {
        Role.Executive => "#fdae6b",
        Role.Manager => "#9ecae1",
        Role.FrontLine => "#f7f7f7",
        Role.External => "#c7e9c0",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "should be a defined role"),
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
