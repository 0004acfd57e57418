using System.Globalization;

namespace OrgSim.Cli.Tests;

/// <summary>
/// Text from input — employee ids, file names, command-line words — never reaches the terminal as
/// raw control characters: ESC, the other C0 controls (a line break only where orgsim ends a line),
/// DEL, the C1 controls and the bidi overrides show as visible escapes (<c>\x1b</c>, <c>\u202e</c>),
/// on standard output and standard error alike.
/// </summary>
public class ControlCharacterTests
{
    private const string ClearScreen = "\u001b[2J\u001b[H";
    private const string WindowTitle = "\u001b]0;pwned\u0007";
    private const string Boss = ClearScreen + "boss" + WindowTitle;

    private static readonly string[] Hostile =
    [
        Boss,
        "\u009b31mred", // C1 CSI: an escape sequence on terminals that take 8-bit controls
        "del\u007f\u0008x", // DEL and backspace
        "user\u202egnp.exe", // right-to-left override (Trojan Source)
        "\u2066iso\u2069late",
        "tab\tbed",
    ];

    private static readonly string[] Shown = [@"\x1b[2J\x1b[Hboss\x1b]0;pwned\x07", @"\x9b31mred", @"del\x7f\x08x", @"user\u202egnp.exe", @"\u2066iso\u2069late", @"tab\tbed"];

    [Fact]
    public void GraphStats_ShowsControlCharactersInIdsAsEscapes_InAnAlignedTable()
    {
        string folder = CliHarness.TempDirectory();
        File.WriteAllText(Path.Combine(folder, "hr.csv"), "employee_id,manager_id\n" + string.Concat(Hostile.Select((id, i) => $"{Quote(id)},{(i == 0 ? string.Empty : Quote(Boss))}\n")) + $"ana,{Quote(Hostile[1])}\n");
        string scenario = Scenario(folder, "organisation: {generator: hr-export, file: hr.csv}");

        var (code, stdout, stderr) = CliHarness.Run("graph", scenario, "--stats");

        Assert.True(code == 0, Printable(stderr));
        AssertNoControlCharacters(stdout);
        AssertNoControlCharacters(stderr);
        Assert.All(Shown, shown => Assert.Contains(shown, stdout, StringComparison.Ordinal));
        AssertTablesAligned(stdout);
    }

    [Fact]
    public void ImportError_QuotingAnId_ShowsItsControlCharactersAsEscapes()
    {
        string folder = CliHarness.TempDirectory();
        File.WriteAllText(Path.Combine(folder, "ties.csv"), $"source,target\n{Quote(Boss)},ana\nana,{Quote(Boss)}\n");
        string scenario = Scenario(folder, "organisation: {generator: edge-list, file: ties.csv}");

        var (code, stdout, stderr) = CliHarness.Run("run", scenario, "--out", Path.Combine(folder, "out"));

        Assert.Equal(ExitCodes.BadInput, code);
        AssertNoControlCharacters(stdout);
        AssertNoControlCharacters(stderr);
        string line = Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains($"\"ana\" and \"{Shown[0]}\" are already tied on row 2", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportWarning_QuotingAnIdWithALineBreak_StaysOneLine()
    {
        // A line break inside an id cannot start a line of its own that looks like orgsim's.
        string folder = CliHarness.TempDirectory();
        File.WriteAllText(Path.Combine(folder, "hr.csv"), $"employee_id,manager_id\nboss,\nana,\"gone\nWrote 0 agents{WindowTitle}\"\n");
        string scenario = Scenario(folder, "organisation: {generator: hr-export, file: hr.csv}");

        var (code, stdout, stderr) = CliHarness.Run("validate", scenario);

        Assert.True(code == 0, Printable(stderr));
        AssertNoControlCharacters(stdout);
        AssertNoControlCharacters(stderr);
        string[] lines = stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Contains(": warning: ", l, StringComparison.Ordinal));
        Assert.Contains(@"manager ""gone\nWrote 0 agents\x1b]0;pwned\x07"" of employee ""ana"" is not in the file", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u001b[2Jrun")]
    [InlineData("validate", "nowhere/\u001b]0;pwned\u0007.yaml")]
    [InlineData("run", "nowhere.yaml", "--thread\u001b[2J")]
    [InlineData("graph", "a.yaml", "b\u009b2J.yaml")]
    public void CommandLineMistakes_QuotingTheInput_ShowItsControlCharactersAsEscapes(params string[] args)
    {
        var (code, stdout, stderr) = CliHarness.Run(args);

        Assert.NotEqual(0, code);
        AssertNoControlCharacters(stdout);
        AssertNoControlCharacters(stderr);
        Assert.Matches(@"\\x(1b|07|9b)", stderr);
    }

    [Fact]
    public void Run_IntoAFolderWhoseNameHasControlCharacters_PrintsItEscaped()
    {
        string folder = CliHarness.TempDirectory();
        string scenario = Scenario(folder, "organisation: {agents: 30, span: 5}");
        string output = Path.Combine(folder, "out" + ClearScreen + WindowTitle);

        var (code, stdout, stderr) = CliHarness.Run("run", scenario, "--out", output, "--no-report");

        Assert.True(code == 0, Printable(stderr));
        AssertNoControlCharacters(stdout);
        AssertNoControlCharacters(stderr);
        Assert.Contains(@"Results in " + Path.Combine(folder, @"out\x1b[2J\x1b[H\x1b]0;pwned\x07"), stdout, StringComparison.Ordinal);
        Assert.True(Directory.Exists(output)); // The folder itself is named as asked.
    }

    private static string Scenario(string folder, string organisation)
    {
        string path = Path.Combine(folder, "scenario.yaml");
        File.WriteAllText(path, $$"""
            name: hostile
            seed: 2
            horizon_weeks: 3
            replicates: 2
            {{organisation}}
            arms:
              - name: top-down
                seeding: {strategy: top-down, budget: 1}
            """);
        return path;
    }

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Fails on any C0 control but the line feed, DEL, any C1 control, and the bidi embeddings, overrides and isolates.</summary>
    internal static void AssertNoControlCharacters(string output)
    {
        for (int i = 0; i < output.Length; i++)
        {
            char c = output[i];
            bool control = (c < ' ' && c != '\n') || c is >= '\u007f' and <= '\u009f' or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';
            Assert.False(control, string.Create(CultureInfo.InvariantCulture, $"raw U+{(int)c:X4} at {i} in: {Printable(output)}"));
        }
    }

    /// <summary>The lines of each table are as wide as its top border: escapes were measured before the table was laid out.</summary>
    private static void AssertTablesAligned(string output)
    {
        int width = -1;
        foreach (string line in output.Split('\n'))
        {
            if (line.StartsWith('╭'))
            {
                width = line.Length;
            }
            else if (line.Length > 0 && line[0] is '│' or '├' or '╰')
            {
                Assert.Equal(width, line.Length);
            }
        }

        Assert.NotEqual(-1, width);
    }

    /// <summary>Output safe to show in a failure message.</summary>
    private static string Printable(string text) => string.Concat(text.Select(c => c < ' ' && c != '\n' || c is >= '\u007f' and <= '\u009f' ? '?' : c));
}
