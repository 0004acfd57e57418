using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>Text that is not a scenario's YAML is a located <see cref="ScenarioError"/>, never an internal error.</summary>
public class MalformedYamlTests
{
    private const string Arms = "arms: [{name: a, seeding: {strategy: random, budget: 1}}]\n";

    [Theory]
    [InlineData("name: x\nmodel:\n  bad: : :\n" + Arms, 3, 8, "is not valid YAML")]
    [InlineData("name: x\nmodel:\n  a: [\n  b: 1\n" + Arms, 3, 6, "this '[' or '{' is not closed")]
    [InlineData("a: [\nb: 1\n", 1, 4, "this '[' or '{' is not closed")]
    [InlineData("a: {\nb: 1\n", 1, 4, "this '[' or '{' is not closed")]
    [InlineData("name: x\nmodel:\n  : x\n" + Arms, 3, 3, "a ':' has no key before it")]
    [InlineData("? : x\n", 1, 3, "a ':' has no key before it")]
    [InlineData("name: x\nmodel:\n  key: {a: : }\n" + Arms, 3, 12, "is not valid YAML")]
    [InlineData("name: x\n: x\n" + Arms, 2, 3, "a key is missing at the top level; write a name before the ':'")]
    [InlineData("name: x\nmodel:\n  [a, b]: 1\n" + Arms, 3, 3, "a key is a list ([ a, b ]) in model; write a name before the ':', e.g. 'transmission: value'")]
    [InlineData("name: x\nmodel:\n  {a: 1}: 1\n" + Arms, 3, 3, "a key is a mapping in model")]
    [InlineData("name: x\nmodel:\n  ~: 1\n" + Arms, 3, 3, "a key is null ('~') in model")]
    [InlineData("name: x\narms: [{name: a, seeding: {strategy: random, budget: 1}, model: {[x]: 1}}]\n", 2, 66, "a key is a list ([ x ]) in arms[0].model")]
    [InlineData("name: x\nsweep:\n  [grid]: 1\n" + Arms, 3, 3, "a key is a list ([ grid ]) in sweep; write grid or points")]
    [InlineData("name: x\nsweep:\n  grid:\n    ~: [1]\n" + Arms, 4, 5, "a key is null ('~') in the sweep; write a dotted key path")]
    public void Parse_TurnsMalformedYamlIntoALocatedError(string text, int line, int column, string message)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "bad.yaml"));
        ScenarioError first = error.Errors.First(e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal((line, column), (first.Line, first.Column));
        Assert.StartsWith($"bad.yaml:{line}:{column}: ", first.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model.transmission=[")]
    [InlineData("model.transmission={a: : }")]
    [InlineData("model.transmission='unclosed")]
    public void FromSet_TurnsAMalformedValueIntoAMessage(string argument)
    {
        var (set, error) = ScenarioOverride.FromSet(argument);
        Assert.Null(set);
        Assert.StartsWith($"--set '{argument}': the value is not valid YAML", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed=#", "the value holds nothing YAML can read")]
    [InlineData("name=# a comment", "the value holds nothing YAML can read")]
    [InlineData("seed=\0", "the value holds nothing YAML can read")]
    [InlineData("seed=1\n---\n2", "the value holds 2 YAML documents")]
    public void FromSet_AValueThatIsNoOneYamlValueIsAMessage_NotAnInternalError(string argument, string expected)
    {
        // Found by InternalErrorHuntTests: '#' and NUL read as an empty stream, which was indexed as if it held a document.
        var (set, error) = ScenarioOverride.FromSet(argument);
        Assert.Null(set);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
