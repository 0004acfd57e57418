using System.Globalization;
using OrgSim.Core.Randomness;
using OrgSim.Experiments.Sensitivity;
using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// Reads a scenario's <c>sensitivity</c> section: the method and its size, the parameters with their
/// ranges, and the outputs. Every mistake is recorded in the context with its line; the points are
/// made later (<see cref="Points"/>), once the base scenario says which keys take whole numbers and
/// which arms there are.
/// </summary>
internal static class SensitivityReader
{
    private static readonly IReadOnlyDictionary<string, SensitivityMethod> Methods = new Dictionary<string, SensitivityMethod>(StringComparer.Ordinal)
    {
        ["morris"] = SensitivityMethod.Morris,
        ["sobol"] = SensitivityMethod.Sobol,
    };

    private static readonly IReadOnlyDictionary<string, ParameterScale> Scales = new Dictionary<string, ParameterScale>(StringComparer.Ordinal)
    {
        ["uniform"] = ParameterScale.Uniform,
        ["log-uniform"] = ParameterScale.LogUniform,
    };

    private static readonly string[] RangeKeys = ["low", "high"];

    /// <summary>A parameter as written, before the base scenario says whether it takes whole numbers.</summary>
    internal sealed record Written(string Path, double Low, double High, ParameterScale Scale, YamlNode At);

    /// <summary>The section as written: its spec without the whole-number flags, and where each part was.</summary>
    /// <param name="Spec">The spec; its seed is the section's, or 0 until <see cref="Points"/> derives it from the scenario's.</param>
    /// <param name="SeedGiven">Whether the section gives its seed.</param>
    internal sealed record Section(SensitivitySpec Spec, bool SeedGiven, IReadOnlyList<Written> Parameters, IReadOnlyList<YamlNode> OutputNodes, YamlNode At);

    /// <summary>Reads <paramref name="node"/>; null (with the errors in <paramref name="context"/>) if it is not usable.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="node">The <c>sensitivity</c> value.</param>
    public static Section? Read(ParseContext context, YamlNode node)
    {
        int errorsBefore = context.Errors.Count;
        if (YamlMappingReader.For(context, node, "sensitivity") is not { } reader)
        {
            return null;
        }

        SensitivityMethod method = reader.Has("method") ? reader.Choice("method", SensitivityMethod.Morris, Methods) : SensitivityMethod.Morris;
        bool morris = method == SensitivityMethod.Morris;
        foreach (string key in morris ? ["samples", "resamples"] : new[] { "trajectories", "levels" })
        {
            if (reader.Node(key) is { } misplaced)
            {
                string use = morris ? "method: morris takes trajectories and levels" : "method: sobol takes samples (and resamples)";
                context.Error(misplaced.Start, $"sensitivity.{key} is for method {(morris ? "sobol" : "morris")}; {use}");
            }
        }

        int trajectories = morris ? reader.Int("trajectories", SensitivitySpec.DefaultTrajectories, 2, 100_000) : 0;
        int levels = morris ? reader.Int("levels", SensitivitySpec.DefaultLevels, 2, 1_000) : 0;
        int samples = morris ? 0 : reader.Int("samples", SensitivitySpec.DefaultSamples, 2, 1 << 24);
        int resamples = morris ? 0 : reader.Int("resamples", SobolEstimator.DefaultResamples, SobolEstimator.MinResamples, 100_000);
        bool seedGiven = reader.Node("seed") is not null; // asked for either way, so an error's list of known keys names it
        ulong seed = seedGiven ? reader.ULong("seed", 0) : 0;
        List<Written> parameters = Parameters(context, reader, node);
        var outputNodes = new List<YamlNode>();
        if (reader.Sequence("outputs", "outputs such as competent_share_final[bottom-up] - competent_share_final[top-down]") is { } outputs)
        {
            outputNodes.AddRange(outputs.Children);
            if (outputs.Children.Count == 0)
            {
                context.Error(outputs.Start, "sensitivity.outputs is an empty list; name at least one output, e.g. competent_share_final[top-down]");
            }

            foreach (YamlNode output in outputs.Children.Where(o => o is not YamlScalarNode { Value.Length: > 0 }))
            {
                context.Error(output.Start, "each of sensitivity.outputs should be a text such as competent_share_final[bottom-up] - competent_share_final[top-down]");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (YamlScalarNode output in outputs.Children.OfType<YamlScalarNode>().Where(o => o.Value is { Length: > 0 }))
            {
                if (!seen.Add(Canonical(output.Value!)))
                {
                    context.Error(output.Start, $"sensitivity.outputs lists '{output.Value!.Trim()}' twice; keep one");
                }
            }
        }
        else if (reader.Node("outputs") is null)
        {
            context.Error(node.Start, "sensitivity.outputs is missing; add e.g. 'outputs: [competent_share_final[bottom-up] - competent_share_final[top-down]]'");
        }

        reader.RejectUnknownKeys();
        if (parameters.Count > 0)
        {
            IReadOnlyList<string> sizeProblems = morris ? MorrisDesign.Problems(parameters.Count, trajectories, levels) : SaltelliDesign.Problems(parameters.Count, samples);
            foreach (string problem in sizeProblems)
            {
                string named = problem.StartsWith("N is", StringComparison.Ordinal) ? "samples (N)" + problem[1..] : problem;
                context.Error(node.Start, $"sensitivity: {named}");
            }
        }

        if (context.Errors.Count > errorsBefore)
        {
            return null;
        }

        var spec = new SensitivitySpec(
            method,
            parameters.Select(p => new SensitivityParameter(p.Path, p.Low, p.High, p.Scale, Whole: false)).ToList(),
            outputNodes.Select(o => ((YamlScalarNode)o).Value!.Trim()).ToList(),
            trajectories,
            levels,
            samples,
            seed,
            resamples);
        return new Section(spec, seedGiven, parameters, outputNodes, node);
    }

    /// <summary>
    /// The section's spec completed by the base scenario <paramref name="scenario"/>: each parameter's
    /// whole-number flag (<paramref name="takesWholeNumbers"/>), the design's seed derived from the
    /// scenario's unless the section gives one, the outputs checked against the arms; and the design's
    /// points as overrides. Mistakes go into <paramref name="context"/>.
    /// </summary>
    public static (SensitivitySpec Spec, List<List<ScenarioOverride>> Points) Points(ParseContext context, Section section, ScenarioSpec scenario, Func<string, bool> takesWholeNumbers)
    {
        IReadOnlyList<string> arms = scenario.Arms.Select(a => a.Name).ToList();
        for (int i = 0; i < section.OutputNodes.Count; i++)
        {
            var (_, problem) = SensitivityOutput.Parse(section.Spec.Outputs[i], arms);
            if (problem is not null)
            {
                context.Error(section.OutputNodes[i].Start, $"sensitivity.outputs[{i}]: {problem}");
            }
        }

        SensitivitySpec spec = section.Spec with
        {
            Parameters = section.Spec.Parameters.Select(p => p with { Whole = takesWholeNumbers(p.Path) }).ToList(),
            Seed = section.SeedGiven ? section.Spec.Seed : SeedDerivation.Derive(scenario.Seed, "sensitivity", 0),
        };
        CheckParameters(context, "sensitivity", spec.Parameters, section.Parameters);

        if (context.Errors.Count > 0 || spec.Points > SweepReader.MaxPoints)
        {
            if (spec.Points > SweepReader.MaxPoints)
            {
                context.Error(section.At.Start, string.Create(CultureInfo.InvariantCulture, $"sensitivity makes {spec.Points:N0} design points; at most {SweepReader.MaxPoints:N0} are allowed, so lower {(spec.Method == SensitivityMethod.Morris ? "trajectories" : "samples")} or vary fewer parameters"));
            }

            return (spec, []);
        }

        SensitivityDesign design = spec.CreateDesign();
        var points = new List<List<ScenarioOverride>>(design.PointCount);
        var values = new double[spec.Parameters.Count];
        for (int point = 0; point < design.PointCount; point++)
        {
            design.ValuesAt(point, values);
            points.Add(spec.Parameters.Select((p, i) => new ScenarioOverride(p.Path, new YamlScalarNode(Format(p.RunValue(values[i]))), "sensitivity")).ToList());
        }

        return (spec, points);
    }

    /// <summary>An output as written, with its spaces and its kind of minus made the same, to find one listed twice.</summary>
    /// <summary>
    /// Checks each parameter's range against what its key takes (whole numbers, the catalogue's
    /// range, a number at all): the same rules for a sensitivity design and a calibration's priors.
    /// </summary>
    internal static void CheckParameters(ParseContext context, string name, IReadOnlyList<SensitivityParameter> parameters, IReadOnlyList<Written> written)
    {
        foreach (var (parameter, at) in parameters.Zip(written))
        {
            string where = $"{name}.parameters.{parameter.Path}";
            if (parameter.Whole && Math.Floor(parameter.High) - Math.Ceiling(parameter.Low) < 1)
            {
                context.Error(at.At.Start, string.Create(CultureInfo.InvariantCulture, $"{where} takes whole numbers, and [{parameter.Low}, {parameter.High}] holds fewer than two; widen the range"));
            }

            // A key the catalogue declares is checked here once, rather than at every design point.
            if (ParameterCatalogue.ForKey(parameter.Path) is { } definition)
            {
                if (definition.Numbers is not { } numbers)
                {
                    context.Error(at.At.Start, $"{where}: {parameter.Path} takes {definition.Type} ({definition.Range.Replace("`", string.Empty, StringComparison.Ordinal)}), not a number, so it cannot vary over a range; vary a key that takes a number, e.g. model.transmission");
                }
                else if (parameter.Low < numbers.Min || parameter.High > numbers.Max)
                {
                    context.Error(at.At.Start, string.Create(CultureInfo.InvariantCulture, $"{where}: the range [{parameter.Low}, {parameter.High}] goes beyond what {parameter.Path} takes ({definition.Range}); narrow it"));
                }
            }
        }
    }

    private static string Canonical(string output) => string.Concat(output.Replace('\u2212', '-').Where(c => !char.IsWhiteSpace(c)));

    /// <summary>A value as a run reads it: the shortest text that reads back as the same double.</summary>
    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static List<Written> Parameters(ParseContext context, YamlMappingReader reader, YamlNode section, string name = "sensitivity")
    {
        var written = new List<Written>();
        YamlNode? node = reader.Node("parameters");
        if (node is null)
        {
            context.Error(section.Start, $"{name}.parameters is missing; add e.g. 'parameters: {{model.transmission: {{low: 0.02, high: 0.2, scale: log-uniform}}}}'");
            return written;
        }

        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
        {
            context.Error(node.Start, $"{name}.parameters should map key paths to ranges, e.g. 'model.transmission: {{low: 0.02, high: 0.2}}' or 'model.transmission: [0.02, 0.2]'");
            return written;
        }

        foreach (var (keyNode, rangeNode) in mapping.Children)
        {
            int before = context.Errors.Count;
            string path = SweepReader.PathOf(context, keyNode, $"{name}.parameters");
            context.Remember($"{name}.parameters.{path}", keyNode.Start);
            var (low, high, scale) = Range(context, path, rangeNode, name);
            if (context.Errors.Count > before)
            {
                continue;
            }

            foreach (string problem in ParameterRange.Problems(path, low, high, scale))
            {
                context.Error(rangeNode.Start, $"{name}.parameters.{path}: {problem}");
            }

            if (context.Errors.Count == before)
            {
                written.Add(new Written(path, low, high, scale, rangeNode));
            }
        }

        return written;
    }

    /// <summary>A range written as <c>[low, high]</c> or <c>{low, high, scale}</c>.</summary>
    private static (double Low, double High, ParameterScale Scale) Range(ParseContext context, string path, YamlNode node, string name)
    {
        string where = $"{name}.parameters.{path}";
        if (node is YamlSequenceNode { Children.Count: 2 } pair)
        {
            return (Number(context, where + "[0]", pair.Children[0]), Number(context, where + "[1]", pair.Children[1]), ParameterScale.Uniform);
        }

        if (node is not YamlMappingNode)
        {
            context.Error(node.Start, $"{where} should be a range, [low, high] or {{low: …, high: …, scale: uniform or log-uniform}}");
            return (0, 1, ParameterScale.Uniform);
        }

        YamlMappingReader range = YamlMappingReader.For(context, node, where)!;
        foreach (string key in RangeKeys.Where(k => !range.Has(k)))
        {
            context.Error(node.Start, $"{where}.{key} is missing; a range needs low and high");
        }

        double low = range.Double("low", 0, double.MinValue, double.MaxValue);
        double high = range.Double("high", 1, double.MinValue, double.MaxValue);
        ParameterScale scale = range.Choice("scale", ParameterScale.Uniform, Scales);
        range.RejectUnknownKeys();
        return (low, high, scale);
    }

    private static double Number(ParseContext context, string where, YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } text } && double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            return value;
        }

        context.Error(node.Start, $"{where} should be a number");
        return double.NaN;
    }
}
