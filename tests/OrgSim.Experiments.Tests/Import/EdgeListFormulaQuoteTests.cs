using OrgSim.Core.Graph;
using OrgSim.Experiments.Import;

namespace OrgSim.Experiments.Tests.Import;

/// <summary>
/// The edge-list import reads the cells <c>orgsim graph --format edges</c> protects from
/// spreadsheets: one leading quote before = + - @ tab or CR (after any further quotes) is dropped.
/// </summary>
public class EdgeListFormulaQuoteTests
{
    [Theory]
    [InlineData("\"'=cmd|' /C calc'!A0\"", "=cmd|' /C calc'!A0")]
    [InlineData("'+1+2", "+1+2")]
    [InlineData("'-x", "-x")]
    [InlineData("'@SUM(1)", "@SUM(1)")]
    [InlineData("\"'\t=1\"", "\t=1")]
    [InlineData("\"'\r=1\"", "\r=1")]
    [InlineData("\"''=x\"", "'=x")]
    [InlineData("\"'''-x\"", "''-x")]
    public void Import_DropsTheQuoteBeforeAFormula(string cell, string id)
    {
        OrgGraph graph = EdgeListImporter.Import(new StringReader($"source,target,type\n{cell},boss,manager\n"), "edges.csv").Graph;
        Assert.Equal([id, "boss"], Names(graph));
    }

    [Fact]
    public void Import_KeepsAQuoteThatProtectsNothing()
    {
        // Only a quote the export would have added is dropped: before a number, a letter or nothing it stays.
        string text = "source,target\n\"'=x\",'-5\n'abc,'\n\"'1e5\",-5\n";
        OrgGraph graph = EdgeListImporter.Import(new StringReader(text), "edges.csv").Graph;
        Assert.Equal(["=x", "'-5", "'abc", "'", "'1e5", "-5"], Names(graph));
    }

    private static string[] Names(OrgGraph graph) => [.. Enumerable.Range(0, graph.NodeCount).Select(graph.Name)];
}
