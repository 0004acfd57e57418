namespace OrgSim.Experiments.Scenarios;

/// <summary>One point of a sweep: its index, the values it sets, and the scenario they make.</summary>
/// <param name="Index">0-based, in the order the sweep lists its points (a grid: the last key varies fastest).</param>
/// <param name="Parameters">The swept keys and the values at this point, in the order of <see cref="LoadedScenario.ParameterPaths"/>; empty without a sweep.</param>
/// <param name="Spec">The scenario at this point: the base with the point's values (and any <c>--set</c>) applied.</param>
public sealed record SweepPoint(int Index, IReadOnlyList<ScenarioOverride> Parameters, ScenarioSpec Spec)
{
    /// <summary>
    /// The value this point runs with at <paramref name="path"/>: the one it gives, or for a key it
    /// does not name the base scenario's (after <c>--set</c>); empty only if the scenario holds no such value.
    /// </summary>
    public string ValueOf(string path) => Parameters.FirstOrDefault(p => p.Path == path)?.Text ?? ScenarioJson.ValueText(Spec, path) ?? string.Empty;

    /// <summary>The point as messages name it, with the values it gives: <c>sweep point 2 (model.transmission=0.1)</c>.</summary>
    public string Label => Describe(Index, Parameters.Where(p => !p.IsBaseValue).ToList());

    /// <summary>The label of point <paramref name="index"/> with <paramref name="values"/>; ", from --set" when they all come from the command line.</summary>
    internal static string Describe(int index, IReadOnlyList<ScenarioOverride> values)
    {
        string from = values.Count > 0 && values.All(o => o.Source == "--set") ? ", from --set" : string.Empty;
        if (values.Count > 0 && values.All(o => o.Source == CalibrationReader.Name))
        {
            // The load-time check of a calibration reads the priors' two corners as points 0 and 1.
            return $"the priors' {(index == 0 ? "low" : "high")} ends ({string.Join(", ", values.Select(o => o.Brief))})";
        }

        string kind = values.Count > 0 && values.All(o => o.Source == "sensitivity") ? "design point" : "sweep point";
        return $"{kind} {index} ({string.Join(", ", values.Select(o => o.Brief))}{from})";
    }
}
