using System.Text.RegularExpressions;

namespace OrgSim.Cli.Tests;

/// <summary><c>orgsim tipping</c> end to end on a small scenario: the sentence, determinism across threads, the files, the one-line errors.</summary>
public class TippingCommandTests
{
    // Two arms that differ in who is trained: 10 executives against a few random people. As the
    // random arm's budget grows it overtakes; 80 agents over half a year keep every run short.
    private const string Small = """
        name: small-tipping
        seed: 7
        horizon_weeks: 26
        replicates: 4
        organisation: {generator: hierarchy, agents: 80, span: 5}
        arms:
          - name: trained
            seeding: {strategy: top-down, budget: 10}
          - name: wide
            seeding: {strategy: random, budget: 2}
        """;

    private static string[] Args(string scenario, params string[] more) =>
        ["tipping", scenario, "--vary", "arms.wide.seeding.budget", "--between", "1", "40", "--contrast", "wide-trained", "competent_share_final", "--max-runs", "400", .. more];

    [Fact]
    public void Tipping_PrintsTheCrossingWithItsInterval_TheSameForAnyThreadCount()
    {
        string scenario = CliHarness.WriteScenario(Small);
        var one = CliHarness.Run(Args(scenario, "--threads", "1"));
        var three = CliHarness.Run(Args(scenario, "--threads", "3"));

        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.Matches(new Regex(@"^wide overtakes trained when arms\.wide\.seeding\.budget > \d+(\.\d)? \(95% CI \d+(\.\d)?–\d+(\.\d)?\)$", RegexOptions.Multiline), one.Stdout);
        Assert.Equal(WithoutTime(one.Stdout), WithoutTime(three.Stdout));
        Assert.Equal(0, three.ExitCode);
        Assert.DoesNotMatch(new Regex(@"budget = \d+\.\d"), one.Stdout); // a whole-number key is probed at whole numbers
    }

    [Fact]
    public void Tipping_WithOut_WritesTheProbesAndTheChart()
    {
        string scenario = CliHarness.WriteScenario(Small);
        string outDir = Path.Combine(CliHarness.TempDirectory(), "tip");
        var (code, _, stderr) = CliHarness.Run(Args(scenario, "--threads", "2", "--out", outDir));

        Assert.True(code == 0, stderr);
        string[] csv = File.ReadAllLines(Path.Combine(outDir, "tipping.csv"));
        Assert.Equal("key,value,mean_contrast,ci_low,ci_high,replicates", csv[0]);
        Assert.StartsWith("arms.wide.seeding.budget,1,-", csv[1], StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(outDir, "tipping.svg")), StringComparison.Ordinal);
        Assert.Equal(["tipping.csv", "tipping.svg"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tipping_IntoAFolderWithAnEarlierSearch_RefusesBeforeRunning_UnlessOverwrite()
    {
        string scenario = CliHarness.WriteScenario(Small);
        string outDir = Path.Combine(CliHarness.TempDirectory(), "tip");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "tipping.csv"), "edited by hand\n");

        var (code, stdout, stderr) = CliHarness.Run(Args(scenario, "--threads", "1", "--out", outDir));
        Assert.NotEqual(0, code);
        Assert.Equal($"orgsim tipping: --out {outDir} already holds tipping.csv of an earlier search; choose another folder, or add --overwrite to replace it", stderr.TrimEnd());
        Assert.DoesNotContain("replicates", stdout, StringComparison.Ordinal); // no probe ran
        Assert.Equal("edited by hand\n", File.ReadAllText(Path.Combine(outDir, "tipping.csv")));

        (code, _, stderr) = CliHarness.Run(Args(scenario, "--threads", "1", "--out", outDir, "--overwrite"));
        Assert.True(code == 0, stderr);
        Assert.StartsWith("key,value,", File.ReadAllText(Path.Combine(outDir, "tipping.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Tipping_WithAnEndOutOfTheKeysRange_NamesBetween_NotAnInternalSet()
    {
        string scenario = CliHarness.WriteScenario(Small);
        var args = Args(scenario, "--threads", "1").ToList();
        args[args.IndexOf("--between") + 1] = "-5";
        var (code, _, stderr) = CliHarness.Run([.. args]);

        Assert.NotEqual(0, code);
        Assert.StartsWith("orgsim tipping: --between: arms.wide.seeding.budget = -5: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("--set", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Tipping_OnTwoKeys_WritesTheGridAndItsContour()
    {
        string scenario = CliHarness.WriteScenario(Small.Replace("replicates: 4", "replicates: 2", StringComparison.Ordinal));
        string outDir = Path.Combine(CliHarness.TempDirectory(), "grid");
        var (code, stdout, stderr) = CliHarness.Run(
            "tipping", scenario, "--vary", "arms.wide.seeding.budget", "--between", "1", "40", "--vary", "model.transmission", "--between", "0.02", "0.1",
            "--contrast", "wide-trained", "--grid", "3", "--threads", "2", "--out", outDir);

        Assert.True(code == 0, stderr);
        Assert.Contains("grid cells", stdout, StringComparison.Ordinal);
        Assert.Equal(1 + 9, File.ReadAllLines(Path.Combine(outDir, "tipping-grid.csv")).Length);
        string svg = File.ReadAllText(Path.Combine(outDir, "tipping-grid.svg"));
        Assert.StartsWith("<svg ", svg, StringComparison.Ordinal);
        Assert.Contains("viewBox=\"0 0 900 640\"", svg, StringComparison.Ordinal);
        Assert.Contains("Where wide − trained changes sign", svg, StringComparison.Ordinal);
        Assert.Contains("zero: level", svg, StringComparison.Ordinal); // the contour's legend entry
    }

    [Theory]
    [InlineData("--vary|model.transmision", "did you mean 'transmission'")]
    [InlineData("--contrast|wide-trainde", "did you mean 'trained'")]
    [InlineData("--contrast|wide-trained competent_share_fnal", "did you mean 'competent_share_final'")]
    [InlineData("--between|5 5", "the same value twice")]
    [InlineData("--between|1 lots", "'lots' for arms.wide.seeding.budget is not a number")]
    [InlineData("--vary|arms.wide.seeding.strategy", "does not take a number")]
    [InlineData("--vary|description", "takes text, not a number")]
    [InlineData("--between|1 50.5", "must be a whole number")]
    [InlineData("--between|39 40", "has the same sign at both ends")]
    [InlineData("--max-runs|10", "fewer than the 16 runs the two ends need")]
    public void Tipping_WithAMistake_SaysWhatToFixInOneLine_AndWritesNothing(string replace, string expected)
    {
        string scenario = CliHarness.WriteScenario(Small);
        string outDir = Path.Combine(CliHarness.TempDirectory(), "tip");
        var args = Args(scenario, "--threads", "1", "--out", outDir).ToList();
        string[] parts = replace.Split('|');
        int at = args.IndexOf(parts[0]);
        string[] values = parts[1].Split(' ');
        int old = parts[0] is "--vary" or "--max-runs" ? 1 : 2;
        args.RemoveRange(at + 1, old);
        args.InsertRange(at + 1, values);
        var (code, _, stderr) = CliHarness.Run([.. args]);

        Assert.NotEqual(0, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(outDir));
    }

    private static string WithoutTime(string stdout) => Regex.Replace(stdout, @"Done in [\d.]+ s\.", "Done.");
}
