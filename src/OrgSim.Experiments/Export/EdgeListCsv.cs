using System.Globalization;
using OrgSim.Core.Graph;
using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Export;

/// <summary>
/// The ties of an organisation as CSV, <c>source,target,type,weight</c>, one row per tie, with
/// agents named by <see cref="OrgGraph.Name"/>: the form the edge-list importer reads, so an
/// export imports back to the same ties.
/// </summary>
/// <remarks>
/// <para>Every export (this one, GraphML, GEXF and DOT) lists each tie once, oriented by
/// <see cref="IsWrittenFrom"/>, in the order of the source's row. Names are used as ids, so a
/// round trip needs them to be unique, as employee ids in an HR export are.</para>
/// <para>An id a spreadsheet would run as a formula (<c>=cmd|' /C calc'!A0</c>) is written as text,
/// behind a single quote and in double quotes (<see cref="CsvFormat.Neutralise"/>); the importer
/// drops that quote again, so the round trip keeps every id exactly.</para>
/// </remarks>
public static class EdgeListCsv
{
    /// <summary>The header, in order.</summary>
    public static IReadOnlyList<string> Header { get; } = ["source", "target", "type", "weight"];

    /// <summary>
    /// Whether the tie between <paramref name="source"/> and <paramref name="target"/>, whose
    /// edge <c>source → target</c> has <paramref name="typeFromSource"/>, is written from
    /// <paramref name="source"/>. Exactly one of a tie's two edges is.
    /// </summary>
    /// <remarks>
    /// A tie with two different ends (manager/report, mentor/mentee, …) is written from the
    /// junior end, with the type naming what the target is to the source: a report's tie to its
    /// manager is <c>report,manager,manager</c> ("the target is the source's manager"). A
    /// symmetric tie (team peer, cross-team, circle peer) is written from the lower id. So each
    /// relationship has one name, whatever the ids, and a colour partition on <c>type</c> in
    /// Gephi shows one colour per relationship rather than two.
    /// </remarks>
    public static bool IsWrittenFrom(int source, int target, EdgeType typeFromSource)
    {
        EdgeType reverse = EdgeTypes.Reverse(typeFromSource);
        return reverse == typeFromSource ? source < target : IsSeniorEnd(typeFromSource);
    }

    /// <summary>Whether an edge of <paramref name="type"/> points at the senior end of its tie (manager, mentor, coach, …).</summary>
    public static bool IsSeniorEnd(EdgeType type) => type is EdgeType.Manager or EdgeType.DottedManager
        or EdgeType.Mentor or EdgeType.Coach or EdgeType.SkipManager;

    /// <summary>The number of ties: half the directed edges.</summary>
    public static int TieCount(OrgGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.EdgeCount / 2;
    }

    /// <summary>
    /// A weight as text: the shortest invariant form that parses back to the same float ("1",
    /// "0.5"), so weights round-trip exactly and the output is byte-identical for the same graph.
    /// </summary>
    public static string Weight(float weight) => weight.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes the header and one row per tie of <paramref name="graph"/>.</summary>
    public static void Write(TextWriter writer, OrgGraph graph) => Write(writer, graph, CancellationToken.None);

    /// <summary>Writes the header and one row per tie of <paramref name="graph"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; checked before the first line and every few thousand agents or ties.</exception>
    public static void Write(TextWriter writer, OrgGraph graph, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(graph);
        cancellation.ThrowIfCancellationRequested();
        int written = 0;
        using var csv = CsvFormat.Writer(writer);
        foreach (string column in Header)
        {
            CsvFormat.WriteField(csv, column);
        }

        csv.EndRecord();
        for (int v = 0; v < graph.NodeCount; v++)
        {
            ReadOnlySpan<int> contacts = graph.Neighbours(v);
            ReadOnlySpan<EdgeType> types = graph.EdgeTypesOf(v);
            ReadOnlySpan<float> weights = graph.EdgeWeightsOf(v);
            for (int i = 0; i < contacts.Length; i++)
            {
                if (IsWrittenFrom(v, contacts[i], types[i]))
                {
                    ExportCancellation.Tick(ref written, cancellation);
                    CsvFormat.WriteField(csv, graph.Name(v));
                    CsvFormat.WriteField(csv, graph.Name(contacts[i]));
                    CsvFormat.WriteField(csv, EdgeTypes.Name(types[i]));
                    CsvFormat.WriteField(csv, Weight(weights[i]));
                    csv.EndRecord();
                }
            }
        }
    }
}
