using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>
/// Mistakes that used to pass validation and fail later, or were reported at the wrong place:
/// each is one line at the key (or the <c>--set</c>, or the sweep point) to change.
/// </summary>
public class ValidationMessageTests
{
    private const string Small = "name: small\norganisation: {agents: 100}\narms:\n  - name: a\n    seeding: {strategy: random, budget: 10}\n";

    private static ScenarioOverride Set(string argument) => ScenarioOverride.FromSet(argument).Override!;

    private static ScenarioError Fails(string text, params ScenarioOverride[] sets) =>
        Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "s.yaml", sets)).Errors);

    [Fact]
    public void ANameTooLongForAFolderIsAnError()
    {
        // 300 characters passed validate, and then the output folder could not be created.
        string name = new('n', 300);
        Assert.Equal(
            "s.yaml:1:7: name is 300 characters long; use at most 100 (it names the output folder)",
            Fails(Small.Replace("name: small", $"name: {name}", StringComparison.Ordinal)).ToString());
    }

    [Fact]
    public void ANameTooLongFromASetNamesTheSet()
    {
        string name = new('n', 101);
        Assert.Equal(
            $"s.yaml: --set name={name}: name is 101 characters long; use at most 100 (it names the output folder)",
            Fails(Small, Set($"name={name}")).ToString());
    }

    [Fact]
    public void ADefaultNameFromALongFileNameIsShortened()
    {
        string file = new string('f', 150) + ".yaml";
        Assert.Equal("scenario", ScenarioLoader.Parse(Small.Replace("name: small\n", string.Empty, StringComparison.Ordinal), file).Spec.Name);
    }

    [Fact]
    public void AnArmNameWithADotIsAnError()
    {
        // A '.' in an arm's name split the key path: --set arms.b.c.seeding.budget=2 looked for an arm 'b'.
        string text = Small + "  - name: b.c\n    seeding: {strategy: random, budget: 10}\n";
        Assert.Equal(
            "s.yaml:6:11: arms[1].name is 'b.c'; use letters, digits, '_' or '-', starting with a letter or digit (a '.' would split key paths such as arms.NAME.seeding.budget)",
            Fails(text).ToString());
    }

    [Fact]
    public void ASpanMinOutOfRangeIsOneErrorNotTwo()
    {
        // The max used to be compared with the default min (8) as well.
        Assert.Equal(
            "s.yaml:2:41: organisation.span.min is 0; must be in range [1, 1,000]",
            Fails(Small.Replace("{agents: 100}", "{agents: 100, span: {min: 0, max: 5}}", StringComparison.Ordinal)).ToString());
    }

    [Fact]
    public void APreflightErrorFromASetNamesTheSetNotTheFirstLine()
    {
        LoadedScenario loaded = ScenarioLoader.Parse(Small, "s.yaml", [Set("arms.a.seeding.budget=1000")]);
        ScenarioError error = Assert.Single(Preflight.CheckAllPoints(loaded));
        Assert.Equal(
            "s.yaml: --set arms.a.seeding.budget=1000: arms[0].seeding.budget is 1000, but strategy random can choose from only 100 agents in this organisation; lower the budget to at most 100",
            error.ToString());
    }

    [Fact]
    public void APreflightErrorAtASweepPointNamesThePoint()
    {
        string text = Small.Replace("arms:", "sweep:\n  grid:\n    organisation.agents: [100, 5]\n    model.transmission: [0.1, 0.2]\narms:", StringComparison.Ordinal);
        LoadedScenario loaded = ScenarioLoader.Parse(text, "s.yaml");
        ScenarioError error = Assert.Single(Preflight.CheckAllPoints(loaded));
        Assert.Equal(
            "s.yaml:9:41: sweep point 2 (organisation.agents=5, model.transmission=0.1) and 1 more point: arms[0].seeding.budget is 10, but strategy random can choose from only 5 agents in this organisation; lower the budget to at most 5",
            error.ToString());
    }

    [Fact]
    public void APreflightErrorAtASweepPointFromASetNamesThePointAndTheSet()
    {
        LoadedScenario loaded = ScenarioLoader.Parse(Small, "s.yaml", [Set("sweep.grid.arms.a.seeding.budget=[5, 1000]")]);
        ScenarioError error = Assert.Single(Preflight.CheckAllPoints(loaded));
        Assert.Equal(
            "s.yaml: sweep point 1 (arms.a.seeding.budget=1000, from --set): arms[0].seeding.budget is 1000, but strategy random can choose from only 100 agents in this organisation; lower the budget to at most 100",
            error.ToString());
    }

    [Fact]
    public void AMistakeInAWaveFromASetNamesTheSet()
    {
        // It was placed at s.yaml:1:1, a line the set has nothing to do with.
        ScenarioError error = Fails(Small, Set("arms.a.seeding=[{strategy: random, budget: 1}, {strategy: rand, budget: 1, week: 1}]"));
        Assert.Equal(
            "s.yaml: --set arms.a.seeding=[{strategy: random, budget: 1}, {strategy: rand, budget: 1, week: 1}]: arms[0].seeding[1].strategy is 'rand'; did you mean 'random'? (choices: top-down, bottom-up-scattered, bottom-up-teams, random, middle-out, most-connected, mentors, coaches, none, neighbourhood, random-neighbourhoods)",
            error.ToString());
    }

    [Fact]
    public void APreflightErrorInAWaveFromASetNamesTheSet()
    {
        LoadedScenario loaded = ScenarioLoader.Parse(Small, "s.yaml", [Set("arms.a.seeding=[{strategy: random, budget: 1}, {strategy: random, budget: 500, week: 1}]")]);
        Assert.Equal(
            "s.yaml: --set arms.a.seeding=[{strategy: random, budget: 1}, {strategy: random, budget: 500, week: 1}]: arms[0].seeding[1].budget is 500, but strategy random can choose from only 100 agents in this organisation; lower the budget to at most 100",
            Assert.Single(Preflight.CheckAllPoints(loaded)).ToString());
    }

    [Theory]
    [InlineData(
        "{generator: teams, agents: 20, team_size: 20, overlays: {mentoring: {mentee_share: 0.3}}}", "mentors",
        "(organisation.overlays.mentoring formed no pod: no function has a mentee and a mentor below the executive levels who are not already tied); use more agents below the executive levels or a sparser organisation, or choose another strategy")]
    [InlineData(
        "{agents: 50}", "mentors",
        "(no mentoring pods); add organisation.overlays.mentoring with a mentee_share above 0, or choose another strategy")]
    [InlineData(
        "{agents: 50, overlays: {mentoring: {mentee_share: 0}}}", "mentors",
        "(no mentoring pods); add organisation.overlays.mentoring with a mentee_share above 0, or choose another strategy")]
    [InlineData(
        "{agents: 50, overlays: {coaches: {count: 0}}}", "coaches",
        "(no coaches); add organisation.overlays.coaches with a count of at least 1, or a life_coach under mentoring, or choose another strategy")]
    public void AStrategyWithNobodyToChooseSaysWhatIsTrueOfTheOverlays(string organisation, string strategy, string expected)
    {
        // Mentoring that formed no pod (every mentee already tied to every mentor) used to be told to add organisation.overlays.mentoring.
        string text = $"name: s\norganisation: {organisation}\narms:\n  - name: a\n    seeding: {{strategy: {strategy}, budget: 1}}\n";
        ScenarioError error = Assert.Single(Preflight.CheckAllPoints(ScenarioLoader.Parse(text, "s.yaml")));
        Assert.Equal($"arms[0].seeding.strategy {strategy} has no agent to choose from in this organisation {expected}", error.Message);
    }
}
