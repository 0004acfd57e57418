using System.Globalization;
using System.Text.Json;
using OrgSim.Core.Model;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

public class ParameterCatalogueTests
{
    private const string Arms = "arms: [{name: a, seeding: {strategy: random, budget: 1}}]\n";

    public static TheoryData<string> ModelPaths() => [.. ParameterCatalogue.Model.Parameters.Select(p => p.Path)];

    public static TheoryData<string> Paths() => [.. ParameterCatalogue.All.Select(p => p.Path)];

    [Fact]
    public void Catalogue_CoversEveryModelKeyOnceWithTheCoreDefaults()
    {
        Assert.Equal(new ModelParameters(), ParameterCatalogue.Model.Defaults);
        Assert.Equal(new MetricsSpec(), ParameterCatalogue.Metrics.Defaults);
        Assert.Equal(ParameterCatalogue.All.Count, ParameterCatalogue.All.Select(p => p.Path).Distinct().Count());

        // 4 top keys, rule + innovation + imitation, 7 threshold keys, 2 deploy, 11 practice, 5 forgetting, 2 per relationship.
        Assert.Equal(4 + 3 + 7 + 2 + 11 + 5 + (2 * OrgSim.Core.Graph.EdgeTypes.All.Count), ParameterCatalogue.Model.Parameters.Count);
        Assert.All(ParameterCatalogue.Model.Parameters, p => Assert.StartsWith("model.", p.Path, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ModelPaths))]
    public void ModelRange_LiesWithinCoresOwnGuards(string path)
    {
        ParameterDefinition<ModelParameters> parameter = ParameterCatalogue.Model.Find(path)!;
        ModelParameters model = Applied(parameter, ParameterCatalogue.Model.Defaults);
        foreach (ModelParameters edge in Edges(parameter, model))
        {
            edge.Validate();
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Loader_ReadsEachKeyThroughItsDefinition(string path)
    {
        ParameterDefinition definition = ParameterCatalogue.Find(path)!;
        if (definition is ParameterDefinition<ModelParameters> parameter)
        {
            ModelParameters applied = Applied(parameter, ParameterCatalogue.Model.Defaults);
            (string text, ModelParameters expected) = Changed(parameter, applied);
            string yaml = Yaml(path, text, Context(path));
            Assert.Equal(expected, ScenarioLoader.Parse(yaml + Arms, "k.yaml").Spec.Model);

            // The same key in an arm's model, without the prefix.
            string arm = $"arms:\n  - name: a\n    seeding: {{strategy: random, budget: 1}}\n    model:\n{Indent(Yaml(path["model.".Length..], text, Context(path).Replace("model.", string.Empty, StringComparison.Ordinal)), 6)}";
            Assert.Equal(expected, ScenarioLoader.Parse(arm, "k.yaml").Spec.Arms[0].Model);
        }
        else if (definition is ParameterDefinition<MetricsSpec> metric)
        {
            (string text, MetricsSpec expected) = Changed(metric, ParameterCatalogue.Metrics.Defaults);
            Assert.Equal(expected, ScenarioLoader.Parse(Yaml(path, text, string.Empty) + Arms, "k.yaml").Spec.Metrics);
        }
        else
        {
            var top = (ParameterDefinition<ScenarioSpec>)definition;
            (string text, ScenarioSpec expected) = Changed(top, ParameterCatalogue.Run.Defaults);
            // stop_at_quiescence is refused outside the classic threshold rules: read it in classic mode.
            string classic = path == "stop_at_quiescence" ? "model:\n  learning: false\n  adoption: {rule: absolute-threshold}\n" : string.Empty;
            ScenarioSpec spec = ScenarioLoader.Parse(Yaml(path, text, string.Empty) + classic + Arms, "k.yaml").Spec;
            Assert.Equal(top.Text(expected), top.Text(spec));
        }
    }

    [Theory]
    [InlineData("model.transmission", "1.5", "model.transmission is 1.5; must be in range [0, 1]")]
    [InlineData("model.practice.rub_pat_factor", "0", "model.practice.rub_pat_factor is 0; must be in range [0.001, 1]")]
    [InlineData("model.practice.repetitions_to_habit", "256", "model.practice.repetitions_to_habit is 256; must be in range [1, 255]")]
    [InlineData("model.relationships.coach.interactions_per_week", "8", "model.relationships.coach.interactions_per_week is 8; must be in range [0, 7]")]
    [InlineData("model.adoption.threshold.value", "2", "model.adoption.threshold.value is 2; must be in range [0, 1]")]
    [InlineData("metrics.effectiveness.chaos_penalty", "-0.1", "metrics.effectiveness.chaos_penalty is -0.1; must be in range [0, 1]")]
    [InlineData("replicates", "0", "replicates is 0; must be in range [1, 100,000]")]
    public void Loader_ChecksTheCataloguesRange(string path, string value, string message)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Yaml(path, value, string.Empty) + Arms, "r.yaml"));
        Assert.Contains(message, error.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Threshold_RangeFollowsTheRuleAndKeysFollowTheDistribution()
    {
        ModelParameters absolute = ScenarioLoader.Parse("model: {adoption: {rule: absolute-threshold, threshold: {distribution: uniform, low: 2}}}\n" + Arms, "t.yaml").Spec.Model;
        Assert.Equal(new ThresholdDistribution(ThresholdKind.Uniform, 2, ModelParameters.MaxAbsoluteThreshold), absolute.Threshold);
        ModelParameters normal = ScenarioLoader.Parse("model: {adoption: {threshold: {distribution: normal}}}\n" + Arms, "t.yaml").Spec.Model;
        Assert.Equal(new ThresholdDistribution(ThresholdKind.Normal, 0.25, 0.1), normal.Threshold);

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("model: {adoption: {threshold: {value: 0.3, low: 0.1}}}\n" + Arms, "t.yaml"));
        Assert.Equal("unknown key 'low' in model.adoption.threshold; known keys are distribution, value", error.Errors.Single().Message);
    }

    [Fact]
    public void ArmThreshold_KeepsTheScenariosDistributionAndValuesItDoesNotGive()
    {
        const string text = """
            model: {adoption: {rule: fractional-threshold, threshold: {distribution: normal, mean: 0.4, sd: 0.2}}}
            arms:
              - name: a
                seeding: {strategy: random, budget: 1}
                model: {adoption: {threshold: {sd: 0.05}}}
            """;
        Assert.Equal(new ThresholdDistribution(ThresholdKind.Normal, 0.4, 0.05), ScenarioLoader.Parse(text, "t.yaml").Spec.Arms[0].Model.Threshold);
    }

    [Fact]
    public void RunJson_WritesEveryKeyThatAppliesUnderItsPath()
    {
        LoadedScenario loaded = ScenarioLoader.Parse("model: {adoption: {threshold: {distribution: uniform}}}\n" + Arms, "w.yaml");
        var writer = new StringWriter();
        RunManifest.Write(writer, loaded);
        JsonElement root = JsonDocument.Parse(writer.ToString()).RootElement;
        ModelParameters model = loaded.Spec.Model;
        Assert.All(ParameterCatalogue.Model.Parameters, p =>
        {
            JsonElement? value = At(root, p.Path);
            Assert.Equal(p.AppliesTo(model), value is not null);
            if (value is { } v)
            {
                Assert.Equal(p.Text(model), v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText());
            }
        });
        Assert.All(ParameterCatalogue.Metrics.Parameters, p => Assert.Equal(p.Text(loaded.Spec.Metrics), At(root, p.Path)!.Value.GetRawText()));
        Assert.All(ParameterCatalogue.Run.Parameters.Where(p => p.WrittenWhen?.Invoke(loaded.Spec) ?? true), p => Assert.Equal(p.Text(loaded.Spec), At(root, p.Path)!.Value is { ValueKind: JsonValueKind.String } s ? s.GetString() : At(root, p.Path)!.Value.GetRawText()));
        Assert.Null(At(root, "organisation_per_point")); // Left out at its default: older folders keep their settings hash.
    }

    [Fact]
    public void Starter_TakesItsValuesFromTheCatalogue()
    {
        Assert.Contains("  transmission: {model.transmission} #", StarterScenario.Template, StringComparison.Ordinal);
        Assert.Contains("replicates: {replicates} #", StarterScenario.Template, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\{[a-z_]+(\.[a-z_]+)*\}", StarterScenario.Text);

        // Each placeholder becomes the key's default, and the comment stays in its column.
        Assert.Equal(
            "  transmission: 0.05              # chance\n    grace_weeks: 4                # weeks",
            StarterScenario.Fill("  transmission: {model.transmission} # chance\n    grace_weeks: {model.forgetting.grace_weeks} # weeks"));
        Assert.Throws<InvalidOperationException>(() => StarterScenario.Fill("model:\n  no_such_key: {model.no_such_key} # none"));
    }

    /// <summary>The defaults with the distribution the threshold parameter belongs to.</summary>
    private static ModelParameters Applied(ParameterDefinition<ModelParameters> parameter, ModelParameters defaults) =>
        parameter.DefaultsWhenApplied?.Invoke(defaults) ?? defaults;

    /// <summary>The model at the parameter's smallest and largest value (for thresholds, under each rule).</summary>
    private static IEnumerable<ModelParameters> Edges(ParameterDefinition<ModelParameters> parameter, ModelParameters model)
    {
        IEnumerable<ModelParameters> rules = parameter.Path.StartsWith("model.adoption.threshold.", StringComparison.Ordinal)
            ? [model, model with { Adoption = AdoptionRule.AbsoluteThreshold }]
            : [model];
        foreach (ModelParameters m in rules)
        {
            switch (parameter)
            {
                case NumberParameter<ModelParameters> number:
                    yield return number.Set(m, number.Min);
                    yield return number.Set(m, number.MaxOf(m));
                    break;
                case WholeNumberParameter<ModelParameters> whole:
                    yield return whole.Set(m, whole.Min);
                    yield return whole.Set(m, whole.Max);
                    break;
                default:
                    yield return m;
                    break;
            }
        }
    }

    /// <summary>A valid value other than the record's, as scenario text, and the record with it.</summary>
    private static (string Text, T Expected) Changed<T>(ParameterDefinition<T> parameter, T record)
        where T : class => parameter switch
        {
            NumberParameter<T> n => (Other(n.Get(record), n.Min, n.MaxOf(record)), n.Set(record, double.Parse(Other(n.Get(record), n.Min, n.MaxOf(record)), CultureInfo.InvariantCulture))),
            WholeNumberParameter<T> w => ((w.Get(record) == w.Max ? w.Min : w.Get(record) + 1).ToString(CultureInfo.InvariantCulture), w.Set(record, w.Get(record) == w.Max ? w.Min : w.Get(record) + 1)),
            FlagParameter<T> f => (f.Get(record) ? "false" : "true", OtherFlag(f, record)),
            ChoiceParameter<T, AdoptionRule> c => ("bass", (T)(object)((ModelParameters)(object)record with { Adoption = AdoptionRule.Bass })),
            ChoiceParameter<T, ThresholdKind> => ("normal", (T)(object)((ModelParameters)(object)record with { Threshold = new ThresholdDistribution(ThresholdKind.Normal, 0.25, 0.1) })),
            TextParameter<T> => ("theta", (T)(object)((ModelParameters)(object)record with { Threshold = ((ModelParameters)(object)record).Threshold with { Column = "theta" } })),
            ChoiceParameter<T, OrgSim.Experiments.Organisations.OrganisationPerPoint> => ("fresh", (T)(object)((ScenarioSpec)(object)record with { OrganisationPerPoint = OrgSim.Experiments.Organisations.OrganisationPerPoint.Fresh })),
            _ => throw new InvalidOperationException($"no test value for {parameter.Path}"),
        };

    private static T OtherFlag<T>(FlagParameter<T> flag, T record)
        where T : class => record switch
        {
            ModelParameters m => (T)(object)(m with { Learning = !m.Learning }),
            ScenarioSpec s => (T)(object)(s with { StopAtQuiescence = !s.StopAtQuiescence }),
            _ => throw new InvalidOperationException($"no test value for {flag.Path}"),
        };

    private static string Other(double value, double min, double max)
    {
        double other = value + ((max - min) / 4) <= max ? value + ((max - min) / 4) : min;
        return Math.Round(other, 6).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The keys a parameter needs beside it to apply: the distribution of a threshold parameter.</summary>
    private static string Context(string path) => path switch
    {
        "model.adoption.threshold.low" or "model.adoption.threshold.high" => "model.adoption.threshold.distribution=uniform",
        "model.adoption.threshold.mean" or "model.adoption.threshold.sd" => "model.adoption.threshold.distribution=normal",
        "model.adoption.threshold.column" => "model.adoption.threshold.distribution=column",
        _ => string.Empty,
    };

    /// <summary>Block YAML that sets <paramref name="path"/> to <paramref name="value"/> (and the context key, given as path=value).</summary>
    private static string Yaml(string path, string value, string context)
    {
        var lines = new List<string>();
        string[] parts = path.Split('.');
        for (int i = 0; i < parts.Length - 1; i++)
        {
            lines.Add(new string(' ', 2 * i) + parts[i] + ":");
        }

        if (context.Length > 0)
        {
            string[] c = context.Split('=');
            lines.Add(new string(' ', 2 * (parts.Length - 1)) + c[0].Split('.')[^1] + ": " + c[1]);
        }

        lines.Add(new string(' ', 2 * (parts.Length - 1)) + parts[^1] + ": " + value);
        return string.Join('\n', lines) + "\n";
    }

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.TrimEnd('\n').Split('\n').Select(l => new string(' ', spaces) + l)) + "\n";

    private static JsonElement? At(JsonElement root, string path)
    {
        JsonElement node = root;
        foreach (string part in path.Split('.'))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node))
            {
                return null;
            }
        }

        return node;
    }
}
