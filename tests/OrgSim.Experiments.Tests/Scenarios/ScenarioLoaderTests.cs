using OrgSim.Core.Agents;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

public class ScenarioLoaderTests
{
    private const string Minimal = """
        name: tiny
        arms:
          - name: a
            seeding: {strategy: random, budget: 5}
        """;

    [Fact]
    public void Load_ReadsTheQuickstart()
    {
        LoadedScenario loaded = ScenarioLoader.Load(TestPaths.Scenario("quickstart.yaml"));
        ScenarioSpec spec = loaded.Spec;
        Assert.Equal("quickstart", spec.Name);
        Assert.Equal(1_000, spec.Organisation.Agents);
        Assert.Equal(104, spec.HorizonWeeks);
        Assert.Equal(20, spec.Replicates);
        Assert.Equal(["top-down", "bottom-up"], spec.Arms.Select(a => a.Name));
        Assert.Equal(spec.Arms[0].Seeding.Budget, spec.Arms[1].Seeding.Budget);
        Assert.Equal(64, loaded.Sha256.Length);
    }

    [Fact]
    public void Parse_ReadsTitleAndQuestion_AndTheQuestionFallsBackToTheOpeningComment()
    {
        LoadedScenario keyed = ScenarioLoader.Parse("# Notes for whoever edits the file.\ntitle: Leaders or teams?\nquestion: >-\n  Does it spread\n  further top-down?\n" + Minimal, "tiny.yaml");
        Assert.Equal("Leaders or teams?", keyed.Spec.Title);
        Assert.Equal("Does it spread further top-down?", keyed.Question);

        LoadedScenario commented = ScenarioLoader.Parse("# Does it spread?\n" + Minimal, "tiny.yaml");
        Assert.Equal(string.Empty, commented.Spec.Title);
        Assert.Equal("Does it spread?", commented.Question);

        LoadedScenario set = ScenarioLoader.Parse(Minimal, "tiny.yaml", [ScenarioOverride.FromSet("question=Why?").Override!]);
        Assert.Equal("Why?", set.Question);
    }

    [Fact]
    public void TitleAndQuestion_HaveALengthLimit_AtTheirLine()
    {
        var title = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("title: " + new string('t', 201) + "\n" + Minimal, "tiny.yaml"));
        Assert.Equal("tiny.yaml:1:8: title is 201 characters long; use at most 200 (it heads the report; put the rest in question)", Assert.Single(title.Errors).ToString());
        var question = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("question: " + new string('q', 4_001) + "\n" + Minimal, "tiny.yaml"));
        Assert.Equal("tiny.yaml:1:11: question is 4,001 characters long; use at most 4,000 (a few paragraphs; the rest belongs in docs)", Assert.Single(question.Errors).ToString());
    }

    [Theory]
    [InlineData("title: \"Bell \\a here\"", "title")]
    [InlineData("question: \"Escape \\e[31m red\"", "question")]
    public void AControlCharacterInAText_IsAnErrorAtItsLine(string line, string key)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(line + "\n" + Minimal, "tiny.yaml"));
        Assert.Matches($"^tiny\\.yaml:1:\\d+: {key} holds the control character U\\+00(07|1B); remove it$", Assert.Single(error.Errors).ToString());
        Assert.Equal("Two\nlines", ScenarioLoader.Parse("question: \"Two\\nlines\"\n" + Minimal, "tiny.yaml").Question); // a line break is no control character here
    }

    [Fact]
    public void StopAtQuiescence_OutsideTheClassicThresholdRules_IsAnErrorAtItsLine()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("stop_at_quiescence: true\n" + Minimal, "tiny.yaml"));
        Assert.StartsWith("tiny.yaml:1:21: stop_at_quiescence is exact only for the classic threshold rules", Assert.Single(error.Errors).ToString(), StringComparison.Ordinal);

        const string Classic = "stop_at_quiescence: true\nmodel:\n  learning: false\n  adoption: {rule: fractional-threshold, threshold: {distribution: fixed, value: 0.25}}\n";
        Assert.True(ScenarioLoader.Parse(Classic + Minimal, "tiny.yaml").Spec.StopAtQuiescence);
    }

    [Fact]
    public void AnArmNameLongerThan32Characters_IsAnErrorAtItsLine()
    {
        string arms = "arms:\n  - name: " + new string('a', 33) + "\n    seeding: {strategy: top-down, budget: 5}\n";
        string text = Minimal[..Minimal.IndexOf("arms:", StringComparison.Ordinal)] + arms;
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "tiny.yaml"));
        Assert.EndsWith("arms[0].name is 33 characters long; use at most 32 (it labels the charts' legends; say more in the question)", Assert.Single(error.Errors).ToString(), StringComparison.Ordinal);
        Assert.Equal(new string('a', 32), ScenarioLoader.Parse(text.Replace(new string('a', 33), new string('a', 32), StringComparison.Ordinal), "tiny.yaml").Spec.Arms[0].Name);
    }

    [Fact]
    public void ADirectionOverride_AndATitleOfTwoLines_AreErrorsAtTheirLine()
    {
        var rtl = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("title: \"Train \\u202Eleaders\"\n" + Minimal, "tiny.yaml"));
        Assert.Equal("tiny.yaml:1:8: title holds the invisible direction control U+202E, which makes the text read otherwise than written; remove it", Assert.Single(rtl.Errors).ToString());
        var lines = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("title: \"one\\ntwo\"\n" + Minimal, "tiny.yaml"));
        Assert.Equal("tiny.yaml:1:8: title is one line (it heads the report and the first slide); put the rest in question", Assert.Single(lines.Errors).ToString());
    }

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("''")]
    public void ANullOrEmptyTitle_IsAnErrorAtItsLine_NotAHeading(string value)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("title: " + value + "\n" + Minimal, "tiny.yaml"));
        Assert.Equal("tiny.yaml:1:8: title is empty; write a value or remove the key", Assert.Single(error.Errors).ToString());
        Assert.Equal("~", ScenarioLoader.Parse("title: '~'\n" + Minimal, "tiny.yaml").Spec.Title); // quoted, it is a text
    }

    [Theory]
    [MemberData(nameof(Workshop))]
    public void WorkshopScenarios_HaveATitleAndAQuestionInPlainWords(string file)
    {
        LoadedScenario loaded = ScenarioLoader.Load(TestPaths.Scenario(file));
        Assert.NotEqual(string.Empty, loaded.Spec.Title);
        Assert.DoesNotContain("csv", loaded.Question, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\n", loaded.Question, StringComparison.Ordinal);
    }

    [Fact]
    public void Starter_HasATitleAndAQuestion()
    {
        LoadedScenario starter = ScenarioLoader.Parse(StarterScenario.Text, "starter.yaml");
        Assert.Equal("Train the leaders or train whole teams?", starter.Spec.Title);
        Assert.StartsWith("We can train 50 of our 1,000 people", starter.Question, StringComparison.Ordinal);
    }

    public static TheoryData<string> Workshop() => ["quickstart.yaml", "hr-import.yaml", "retail-chain.yaml", "bottom-up-vs-top-down.yaml", "durability.yaml"];

    [Fact]
    public void Parse_AppliesTheDocumentedDefaultsToOmittedKeys()
    {
        ScenarioSpec spec = ScenarioLoader.Parse(Minimal, "tiny.yaml").Spec;
        Assert.Equal(new ModelParameters(), spec.Model);
        Assert.Equal(1_000, spec.Organisation.Agents);
        Assert.Equal(8, spec.Organisation.Hierarchy.Span);
        Assert.Equal(104, spec.HorizonWeeks);
        Assert.Equal(20, spec.Replicates);
        Assert.Equal(1UL, spec.Seed);
        Assert.Equal(new SeedingPlan(SeedingStrategy.Random, 5, CompetencySet.All, Stage.ConsciousCompetence), spec.Arms[0].Seeding);
    }

    [Fact]
    public void Parse_ReadsEveryModelKey()
    {
        const string text = """
            model:
              transmission: 0.3
              deploy_probability: {conscious_competence: 0.4, unconscious_competence: 0.8}
              practice: {base: 0.2, from_exposure: 0.05, repetitions_to_practised: 3, repetitions_to_habit: 9, rub_pat_factor: 0.7, prerequisite_boost: 0.5, give_up_rate: 0.02}
              forgetting: {grace_weeks: 2, rate: 0.25}
              relationships:
                manager: {weight: 2, interactions_per_week: 1}
                report: {weight: 0.25, interactions_per_week: 0.5}
                team_peer: {weight: 1.5, interactions_per_week: 5}
                cross_team: {weight: 0.1, interactions_per_week: 0.23}
            arms:
              - name: a
                seeding: {strategy: top-down, budget: 3, competencies: [pacing, feedforward], stage: 3}
            """;
        ScenarioSpec spec = ScenarioLoader.Parse(text, "m.yaml").Spec;
        var expected = new ModelParameters
        {
            Transmission = 0.3,
            DeployProbabilityPractised = 0.4,
            DeployProbabilityHabit = 0.8,
            PracticeBase = 0.2,
            PracticeFromExposure = 0.05,
            RepetitionsToPractised = 3,
            RepetitionsToHabit = 9,
            RubPatFactor = 0.7,
            PrerequisiteBoost = 0.5,
            GiveUpRate = 0.02,
            ForgetGraceWeeks = 2,
            ForgetRate = 0.25,
            Relationships = new Relationships
            {
                Manager = new(2, 1),
                Report = new(0.25, 0.5),
                TeamPeer = new(1.5, 5),
                CrossTeam = new(0.1, 0.23),
            },
        };
        Assert.Equal(expected, spec.Model);
        Assert.Equal(CompetencySet.Of(Competency.Pacing).With(Competency.Feedforward), spec.Arms[0].Seeding.Competencies);
        Assert.Equal(Stage.UnconsciousCompetence, spec.Arms[0].Seeding.Stage);
    }

    [Theory]
    [InlineData("name: x\norganisation:\n  agnets: 10\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", 3, 3, "unknown key 'agnets' in organisation; did you mean 'agents'?")]
    [InlineData("name: x\nmodel:\n  transmission: 1.5\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", 3, 17, "model.transmission is 1.5; must be in range [0, 1]")]
    [InlineData("name: x\nmodel:\n  transmission: high\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", 3, 17, "model.transmission is 'high'; must be a number in range [0, 1]")]
    [InlineData("name: x\nhorizon_weeks: 0\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", 2, 16, "horizon_weeks is 0; must be in range [1, 5,200]")]
    [InlineData("name: x\nreplicates: 2.5\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", 2, 13, "replicates is '2.5'; must be a whole number")]
    [InlineData("name: x\narms:\n  - name: a\n    seeding: {strategy: top-dwn, budget: 1}", 4, 25, "arms[0].seeding.strategy is 'top-dwn'; did you mean 'top-down'?")]
    [InlineData("name: x\narms:\n  - name: a\n    seeding: {strategy: random, budget: 1, competencies: [decisivenes]}", 4, 59, "arms[0].seeding.competencies is 'decisivenes'; did you mean 'decisiveness'?")]
    [InlineData("name: x\narms: []", 2, 7, "arms is empty")]
    [InlineData("name: x", 1, 1, "arms is missing")]
    [InlineData("name: x\narms:\n  - name: a\n    seeding: {strategy: random, budget: 1}\n  - name: a\n    seeding: {strategy: random, budget: 1}", 5, 11, "arms[1].name 'a' is used by an earlier arm")]
    [InlineData("name: x\narms:\n  - name: a\n    seeding: {budget: 1}", 4, 14, "arms[0].seeding.strategy is missing")]
    [InlineData("name: x\narms:\n  - name: a", 3, 5, "arms[0].seeding is missing")]
    [InlineData("name: 'my run/1'\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", 1, 7, "name is 'my run/1'; use letters, digits")]
    [InlineData("name: x\norganisation:\n  agents: 1000\n  span: 1\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", 4, 9, "needs more than 256 levels; raise the span")]
    [InlineData("name: x\nmodel: 3\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", 2, 8, "model should be a mapping")]
    [InlineData("- just\n- a list", 1, 1, "the file should be a mapping")]
    [InlineData("name: x\n  bad indent: [", 2, 13, "is not valid YAML")]
    [InlineData("nmae: x\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", 1, 1, "unknown key 'nmae' at the top level; did you mean 'name'?")]
    public void Parse_ReportsBadInputWithLineColumnAndFix(string text, int line, int column, string message)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "bad.yaml"));
        ScenarioError first = error.Errors.First(e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal("bad.yaml", first.File);
        Assert.Equal((line, column), (first.Line, first.Column));
        Assert.StartsWith($"bad.yaml:{line}:{column}: ", first.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', first.ToString());
    }

    [Fact]
    public void Parse_ReportsEveryErrorAtOnceInFileOrder()
    {
        const string text = "name: x\nseed: -1\nmodel:\n  transmission: 2\n  forgetting: {rate: -1}\narms: [{name: a, seeding: {strategy: random, budget: 1}}]";
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "bad.yaml"));
        Assert.Equal([2, 4, 5], error.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Load_ReportsAMissingFileWithoutALine()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("no/such/file.yaml"));
        Assert.Equal("no/such/file.yaml: file not found; check the path and the working directory", error.Errors.Single().ToString());
    }

    [Fact]
    public void Parse_ReportsAnEmptyFile()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("# nothing here\n", "empty.yaml"));
        Assert.Contains("is empty", error.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AcceptsUnderscoresInNumbersAndDigitStages()
    {
        const string text = "organisation: {agents: 10_000}\narms: [{name: a, seeding: {strategy: random, budget: 1_000, stage: 1}}]";
        ScenarioSpec spec = ScenarioLoader.Parse(text, "n.yaml").Spec;
        Assert.Equal(10_000, spec.Organisation.Agents);
        Assert.Equal(1_000, spec.Arms[0].Seeding.Budget);
        Assert.Equal(Stage.ConsciousIncompetence, spec.Arms[0].Seeding.Stage);
        Assert.Equal("n", spec.Name);
    }
}
