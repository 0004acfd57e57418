using System.Globalization;
using System.Text;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>
/// YAML built to crash or exhaust the reader — nesting tens of thousands deep, aliases that expand
/// a billion-fold or contain themselves, bytes that are not UTF-8 — is one located error, read in
/// bounded time and memory.
/// </summary>
public class HostileYamlTests
{
    private const string Arms = "arms: [{name: a, seeding: {strategy: random, budget: 1}}]\n";

    /// <summary>The nesting the reader accepts (documented in docs/scenarios.md).</summary>
    private const int MaxNesting = 64;

    private static ScenarioError Fails(string text, string file = "bad.yaml") =>
        Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, file)).Errors);

    /// <summary>
    /// A "billion laughs": <c>levels</c> + 1 grid values, each a list of ten of the one before, so
    /// the last holds 10^levels values once its aliases are written out.
    /// </summary>
    internal static string AliasBomb(int levels)
    {
        var text = new StringBuilder("name: bomb\norganisation: {agents: 10}\nsweep:\n  grid:\n    model.transmission:\n");
        text.Append("      - &l0 [").AppendJoin(", ", Enumerable.Repeat("0.1", 10)).Append("]\n");
        for (int level = 1; level <= levels; level++)
        {
            text.Append(CultureInfo.InvariantCulture, $"      - &l{level} [").AppendJoin(", ", Enumerable.Repeat($"*l{level - 1}", 10)).Append("]\n");
        }

        return text.Append(Arms).ToString();
    }

    [Fact]
    public void FortyThousandNestedListsAreAnErrorAtTheLevelPastTheLimit()
    {
        // 80 KB that used to overflow the stack (exit 134 and a 5.7 MB trace).
        string text = "model: " + new string('[', 40_000) + new string(']', 40_000) + "\n" + Arms;
        ScenarioError error = Fails(text);

        // The top mapping is level 1 and the first '[' (column 8) level 2, so level 65 is column 71.
        Assert.Equal("bad.yaml:1:71: nests lists and mappings more than 64 levels deep; remove the extra '[', '{' or indentation (a scenario needs a few)", error.ToString());
    }

    [Fact]
    public void NestingOfIndentedMappingsIsLimitedToo()
    {
        var text = new StringBuilder();
        for (int level = 0; level < 200; level++)
        {
            text.Append(' ', 2 * level).Append("k:\n");
        }

        ScenarioError error = Fails(text.Append(' ', 400).Append("v\n").ToString());
        Assert.Equal((MaxNesting + 1, 2 * MaxNesting + 1), (error.Line, error.Column));
        Assert.Contains("nests lists and mappings more than 64 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingAtTheLimitIsNotAnError()
    {
        // The top mapping and model's value make 2 levels; 62 more lists reach 64.
        string text = "model: " + new string('[', MaxNesting - 1) + new string(']', MaxNesting - 1) + "\n" + Arms;
        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "bad.yaml")).Errors;
        Assert.DoesNotContain(errors, e => e.Message.Contains("levels deep", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("model should be a mapping", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAliasCountsTheNestingOfTheValueItNames()
    {
        string deep = new string('[', 40) + new string(']', 40);
        ScenarioError error = Fails($"description: &d {deep}\nmodel: [{string.Concat(Enumerable.Repeat("[", 30))}*d{string.Concat(Enumerable.Repeat("]", 30))}]\n" + Arms);
        Assert.Equal(2, error.Line);
        Assert.Contains("nests lists and mappings more than 64 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAliasBombInASweepGridIsRefusedAtTheAliasThatPassesTheLimit()
    {
        // Six levels: a million values written out, a few seconds and a few hundred MB before the limit;
        // nine levels took 7 GB in 112 s and then ran out of memory.
        ScenarioError error = Fails(AliasBomb(6));

        // l0..l3 add 12,330 values; each *l3 in l4 adds 11,111 more, so the 8th passes 100,000.
        Assert.Equal(10, error.Line);
        Assert.Equal(
            "bad.yaml:10:49: has aliases that add more than 100,000 values when written out (here '*l3'); write the values out, or use fewer aliases",
            error.ToString());
    }

    [Fact]
    public void TheBillionLaughsIsRefusedToo()
    {
        ScenarioError error = Fails(AliasBomb(9));
        Assert.Equal(10, error.Line);
        Assert.Contains("more than 100,000 values when written out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAliasBombInSweepPointsIsRefused()
    {
        string bomb = AliasBomb(6).Replace("  grid:\n    model.transmission:\n", "  points:\n", StringComparison.Ordinal)
            .Replace("      - &", "    - model.transmission: &", StringComparison.Ordinal);
        ScenarioError error = Fails(bomb);
        Assert.Equal(9, error.Line);
        Assert.Contains("has aliases that add more than 100,000 values when written out (here '*l3')", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sweep:\n  grid:\n    model.transmission: &l [0.1, *l]\n", 3, 34, "l")]
    [InlineData("model: &m {transmission: 0.1, practice: *m}\n", 1, 41, "m")]
    [InlineData("description: &l 0.1\nmodel: {transmission: &l [0.1, *l]}\n", 2, 32, "l")]
    public void AnAliasInsideTheValueItNamesIsAnError(string body, int line, int column, string anchor)
    {
        // It used to make a value that contains itself, and a stack overflow when it was printed.
        ScenarioError error = Fails("name: loop\n" + body + Arms);
        Assert.Equal(
            $"bad.yaml:{line + 1}:{column}: has the alias '*{anchor}' inside the value it names ('&{anchor}'), so the value would contain itself; write the value out instead",
            error.ToString());
    }

    [Fact]
    public void AnchorsAndAliasesWithinTheLimitsStillWork()
    {
        LoadedScenario loaded = ScenarioLoader.Parse(
            "organisation: {agents: &n 100}\nreplicates: *n\nmodel: &m {transmission: 0.2}\n" +
            "arms:\n  - {name: a, seeding: {strategy: random, budget: 1}, model: *m}\n  - {name: b, seeding: {strategy: random, budget: 1}}\n",
            "ok.yaml");
        Assert.Equal(100, loaded.Spec.Replicates);
        Assert.Equal(0.2, loaded.Spec.Arms[0].Model.Transmission);
    }

    [Fact]
    public void BytesThatAreNotUtf8AreAnErrorAtTheirLineAndColumn()
    {
        // "Café" as Windows-1252 writes it: é is the single byte E9.
        byte[] bytes = [.. Encoding.ASCII.GetBytes("name: cafe\ndescription: Caf"), 0xE9, .. Encoding.ASCII.GetBytes("\n" + Arms)];
        string file = Path.Combine(TestPaths.TempDirectory(), "latin.yaml");
        File.WriteAllBytes(file, bytes);

        ScenarioError error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(file)).Errors);
        Assert.Equal(
            $"{file}:2:17: is not UTF-8 text (byte 0xE9 after \"description: Caf\"); save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)",
            error.ToString());
    }

    [Fact]
    public void AUtf8ByteOrderMarkIsAccepted()
    {
        string file = Path.Combine(TestPaths.TempDirectory(), "bom.yaml");
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("description: Café\n" + Arms)]);
        Assert.Equal("Café", ScenarioLoader.Load(file).Spec.Description);
    }

    [Fact]
    public void ASetValueNestedFortyThousandDeepIsAnErrorThatNamesTheSet()
    {
        string argument = "model=" + new string('[', 40_000) + new string(']', 40_000);
        var (set, error) = ScenarioOverride.FromSet(argument);
        Assert.Null(set);
        Assert.Equal(
            $"--set '{argument[..40]}…' (80,006 characters): the value nests lists and mappings more than 64 levels deep; remove the extra '[', '{{' or indentation (a scenario needs a few)",
            error);
    }

    [Fact]
    public void ASetValueWithAnAliasBombIsAnError()
    {
        string lists = "[&l0 [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]"
            + string.Concat(Enumerable.Range(1, 6).Select(l => $", &l{l} [{string.Join(", ", Enumerable.Repeat($"*l{l - 1}", 10))}]")) + "]";
        string argument = "sweep.grid.model.transmission=" + lists;
        var (set, error) = ScenarioOverride.FromSet(argument);
        Assert.Null(set);
        Assert.StartsWith($"--set '{argument[..40]}…' ({argument.Length.ToString("N0", CultureInfo.InvariantCulture)} characters): ", error, StringComparison.Ordinal);
        Assert.EndsWith("): the value has aliases that add more than 100,000 values when written out (here '*l3'); write the values out, or use fewer aliases", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAliasOfNoAnchorIsAnErrorAtTheAlias()
    {
        // YamlDotNet placed it at 1:1 and said "does not exists".
        Assert.Equal(
            "bad.yaml:2:23: has the alias '*nope' but no anchor '&nope' before it; name a value '&nope' first, or write the value out",
            Fails("name: x\nmodel: {transmission: *nope}\n" + Arms).ToString());
    }

    [Theory]
    [InlineData("name: x\nsweep:\n  points:\n    - {organisation.generator: ring}\n    - {organisation.generator: ring, organisation.degree: 4}\norganisation: {agents: 100, span: 4}\n" + Arms, 6, 35)]
    [InlineData("name: x\r\nsweep:\r\n  points:\r\n    - {organisation.generator: ring}\r\n    - {organisation.generator: ring, organisation.degree: 4}\r\norganisation: {agents: 100, span: 4}\r\n" + Arms, 6, 35)]
    [InlineData("{name: x, sweep: {points: [{organisation.generator: ring}, {organisation.generator: ring, organisation.degree: 4}]}, organisation: {agents: 100, span: 4}, arms: [{name: a, seeding: {strategy: random, budget: 1}}]}", 1, 152)]
    [InlineData("name: x\nsweep: {points: [{organisation.generator: &g ring}, {organisation.generator: ring, organisation.degree: 4}]}\norganisation: {agents: 100, span: 4, generator: hierarchy}\ndescription: *g\n" + Arms, 3, 35)]
    public void APointsErrorAfterTheSweepKeepsItsLineAndColumn(string text, int line, int column)
    {
        // Each point re-reads the scenario without its sweep; what follows the sweep stays where it was written.
        ScenarioError error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "p.yaml")).Errors);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.EndsWith("and 1 more point: organisation.span does not apply to generator ring; remove it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASweepValueHoldingThousandsOfValuesIsAnErrorAtTheValue()
    {
        // Every point repeated a 100,000-value list in its message: 100,000 points ran out of memory.
        string big = "[" + string.Join(", ", Enumerable.Repeat("0", 1_001)) + "]";
        Assert.Equal(
            "p.yaml:3:36: sweep.grid.model.transmission value 1 holds more than 1,000 values; a sweep value is a number, a name, or a short list or mapping, which every point repeats",
            Fails($"name: x\nsweep:\n  grid: {{model.transmission: [0.1, {big}]}}\n" + Arms, "p.yaml").ToString());
        Assert.Equal(
            "p.yaml:3:60: sweep.points[1].model.transmission holds more than 1,000 values; a sweep value is a number, a name, or a short list or mapping, which every point repeats",
            Fails($"name: x\nsweep:\n  points: [{{model.transmission: 0.1}}, {{model.transmission: {big}}}]\n" + Arms, "p.yaml").ToString());
    }

    [Fact]
    public void AMistakeThatManyPointsShareIsOneLine()
    {
        // A bad value of one axis used to give one line per point: 50,000 lines for a 50,000-point grid.
        string text = "name: x\nsweep:\n  grid:\n    model.transmission: [0.1, 1.5]\n    model.practice.base: [0.1, 0.2, 0.3]\n" + Arms;
        Assert.Equal(
            "p.yaml:4:31: sweep point 3 (model.transmission=1.5, model.practice.base=0.1) and 2 more points: model.transmission is 1.5; must be in range [0, 1]",
            Fails(text, "p.yaml").ToString());
    }

    [Fact]
    public void AKeyPathOfThousandsOfKeysIsAnError()
    {
        // Each key is a level of the tree the path is written into.
        string path = "model." + string.Join('.', Enumerable.Repeat("x", 40_000));
        var (set, error) = ScenarioOverride.FromSet(path + "=1");
        Assert.Null(set);
        Assert.Equal($"--set '{path[..40]}…' (80,007 characters): the path has 40,001 keys; a key path has a few, e.g. model.practice.base", error);
        Assert.Equal(
            $"p.yaml:3:10: sweep key '{path[..40]}…' has 40,001 keys; a key path has a few, e.g. model.transmission",
            Fails($"name: x\nsweep:\n  grid: {{{path}: [1, 2]}}\n" + Arms, "p.yaml").ToString());
    }
}
