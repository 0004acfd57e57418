using System.Text.RegularExpressions;
using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Tests.Output;

/// <summary>The rule that keeps cells from being formulas, and its inverse.</summary>
public partial class CsvFormatTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+x", "'+x")]
    [InlineData("-x", "'-x")]
    [InlineData("@x", "'@x")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("=", "'=")]
    [InlineData("-", "'-")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("-Infinity", "'-Infinity")]
    [InlineData("- 1", "'- 1")]
    [InlineData("'=x", "''=x")]
    [InlineData("''@x", "'''@x")]
    [InlineData("-5", "-5")]
    [InlineData("+5", "+5")]
    [InlineData("-0.500000", "-0.500000")]
    [InlineData("-.5", "-.5")]
    [InlineData("-1e-05", "-1e-05")]
    [InlineData("1E+10", "1E+10")]
    [InlineData("'-5", "'-5")]
    [InlineData("'", "'")]
    [InlineData("''", "''")]
    [InlineData("a=b", "a=b")]
    [InlineData(" =x", " =x")]
    [InlineData("", "")]
    public void Neutralise_MarksTextThatStartsLikeAFormula_AndRestoreUndoesIt(string text, string cell)
    {
        Assert.Equal(cell, CsvFormat.Neutralise(text));
        Assert.Equal(text, CsvFormat.Restore(cell));
        Assert.Equal(text, CsvFormat.Restore(CsvFormat.Neutralise(text)));
    }

    [Fact]
    public void Neutralise_ReturnsTheSameStringWhenNothingChanges()
    {
        // WriteField quotes only the cells it changed; the others keep the writer's usual quoting.
        string number = "-0.25";
        Assert.Same(number, CsvFormat.Neutralise(number));
    }

    [Fact]
    public void EveryCsvField_IsWrittenThroughCsvFormat()
    {
        // A field written with CsvWriter.WriteField directly would bypass the formula rule.
        string src = Path.Combine(TestPaths.RepoRoot, "src");
        var direct = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(f) != "CsvFormat.cs")
            .Where(f => DirectWrite().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(src, f))
            .ToList();
        Assert.Empty(direct);
    }

    [GeneratedRegex(@"(?<!CsvFormat|RunTable)\.(WriteField|WriteRecord|WriteHeader)\(")]
    private static partial Regex DirectWrite();
}
