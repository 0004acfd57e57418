using OrgSim.Cli.Commands;
using Spectre.Console;

namespace OrgSim.Cli.Tests;

/// <summary>The one place that makes printed text safe: <see cref="TerminalText"/>, <see cref="TerminalWriter"/> and <see cref="Terminal"/>.</summary>
public class TerminalTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("\u001b[2J", @"\x1b[2J")]
    [InlineData("\u001b]0;title\u0007", @"\x1b]0;title\x07")]
    [InlineData("a\tb\rc\nd", @"a\tb\rc\nd")]
    [InlineData("\0\u0008\u007f", @"\x00\x08\x7f")]
    [InlineData("\u0080\u009b\u009f", @"\x80\x9b\x9f")]
    [InlineData("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", @"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")]
    [InlineData("Café ≥ 90% — Ωμέγα \u200f\u05e9\u05dc\u05d5\u05dd", "Café ≥ 90% — Ωμέγα \u200f\u05e9\u05dc\u05d5\u05dd")]
    [InlineData(@"C:\x1b\path", @"C:\x1b\path")]
    public void Escape_ShowsEveryControlCharacterAsAnAsciiEscape(string text, string shown)
    {
        Assert.Equal(shown, TerminalText.Escape(text));
        Assert.Equal(shown, TerminalText.Escape(shown)); // Escaping twice changes nothing.
        Assert.DoesNotContain(TerminalText.Escape(text), TerminalText.IsControl);
    }

    [Fact]
    public void Escape_KeepsLineBreaksOnlyWhenAsked()
    {
        Assert.Equal("a\nb\r\nc\\rd", TerminalText.Escape("a\nb\r\nc\rd", keepLineBreaks: true));
        Assert.Equal(@"a\nb\r\nc", TerminalText.Escape("a\nb\r\nc"));
    }

    [Fact]
    public void TerminalWriter_WriteLineIsOneLine_WriteKeepsLineBreaks_AndWrappingTwiceWrapsOnce()
    {
        var inner = new StringWriter { NewLine = "\n" };
        TextWriter writer = TerminalWriter.Wrap(inner);
        Assert.Same(writer, TerminalWriter.Wrap(writer));
        Assert.Same(inner, TerminalWriter.Unwrap(writer));
        Assert.Same(inner, TerminalWriter.Unwrap(inner));

        writer.WriteLine("id \u001b[2J\nfake line");
        writer.Write("help\nline two\u0007");
        writer.WriteLine();
        writer.Write('\u001b');
        writer.WriteLine(42);
        writer.WriteLine("{0}\u009b", "x\u202e");

        Assert.Equal("id \\x1b[2J\\nfake line\nhelp\nline two\\x07\n\\x1b42\nx\\u202e\\x9b\n", inner.ToString());
    }

    [Fact]
    public void Console_EscapesTextItIsNotGivenEscaped_AndKeepsTablesAlignedForTextThatIs()
    {
        var output = new StringWriter();
        IAnsiConsole console = Terminal.Console(TerminalWriter.Wrap(output));
        console.Write(new Text("raw \u001b[2J\u009b"));
        console.WriteLine();
        console.Write(new Table().AddColumn("id").AddRow(Terminal.Text("\u001b]0;t\u0007")).AddRow(Terminal.Text("ana")));

        string text = output.ToString();
        Assert.Contains(@"raw \x1b[2J\x9b", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, c => TerminalText.IsControl(c) && c != '\n');
        int[] widths = [.. text.Split('\n').Where(l => l.Length > 0 && l[0] is '┌' or '│' or '└' or '├' or '╭' or '╰').Select(l => l.Length).Distinct()];
        Assert.Single(widths);
    }

    [Fact]
    public void ProgressBar_BehindATerminalWriter_StillSendsItsOwnCursorCodes()
    {
        // The bar draws beneath the TerminalWriter: its escape codes are Spectre's, not input.
        var output = new StringWriter();
        var time = new FakeTimeProvider();
        using (var progress = new RunProgress(TerminalWriter.Wrap(output), totalRuns: 2, alreadyDone: 0, interactive: true, time))
        {
            progress.Completed();
            progress.Completed();
        }

        Assert.Contains('\u001b', output.ToString());
        Assert.DoesNotContain(@"\x1b", output.ToString(), StringComparison.Ordinal);
    }
}
