namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// Every scenario key that is a plain parameter, each declared once with its path, type, unit,
/// default, range and meaning, and how it is read from and written into its record. The loader,
/// <c>run.json</c>, <c>orgsim init</c>'s starter scenario and the documentation test all read from here.
/// </summary>
/// <remarks>
/// Keys of <c>organisation</c>, <c>arms</c> and <c>sweep</c>, and <c>name</c>, <c>description</c> and
/// <c>seed</c>, are read by hand: which organisation keys exist depends on the generator, some take a
/// number or a <c>{min, max}</c> mapping, <c>levels</c> and <c>agents</c> are alternatives, and arms
/// and sweeps are lists. Core keeps its own guards (<see cref="OrgSim.Core.Model.ModelParameters.Validate"/>);
/// a test checks that every range here lies within them.
/// </remarks>
public static partial class ParameterCatalogue
{
    /// <summary>The top-level keys that are parameters of the run: horizon, replicates, stopping.</summary>
    public static ParameterSection<ScenarioSpec> Run { get; } = new(
        string.Empty,
        new ScenarioSpec { Name = "scenario", Arms = [] },
        [
            new WholeNumberParameter<ScenarioSpec>("horizon_weeks", s => s.HorizonWeeks, (s, v) => s with { HorizonWeeks = v }, 1, ScenarioSpec.MaxHorizonWeeks, "weeks", "weeks to simulate"),
            new WholeNumberParameter<ScenarioSpec>("replicates", s => s.Replicates, (s, v) => s with { Replicates = v }, 1, ScenarioSpec.MaxReplicates, "runs", "independent replicates of every arm"),
            new FlagParameter<ScenarioSpec>("stop_at_quiescence", s => s.StopAtQuiescence, (s, v) => s with { StopAtQuiescence = v }, "stop a run at the first week in which no agent changed stage; later weeks repeat that state in the outputs. Only with the classic threshold rules (`model.learning: false`, `adoption.rule` a threshold), where such a week is the end: elsewhere an error"),
            new ChoiceParameter<ScenarioSpec, Organisations.OrganisationPerPoint>("organisation_per_point", s => s.OrganisationPerPoint, (s, v) => s with { OrganisationPerPoint = v }, ScenarioNames.OrganisationsPerPoint, "`shared`: the points of a sweep run each replicate on the same organisation; `fresh`: each point and replicate draws its own (seed from both), for independent points; the arms of a point share it either way ([organisations.md](organisations.md#one-organisation-per-point-or-one-per-replicate))")
            {
                WrittenWhen = s => s.OrganisationPerPoint != Organisations.OrganisationPerPoint.Shared,
            },
        ]);

    /// <summary>The <c>metrics</c> keys: how outcomes are measured.</summary>
    public static ParameterSection<MetricsSpec> Metrics { get; } = new(
        "metrics",
        new MetricsSpec(),
        [
            new WholeNumberParameter<MetricsSpec>("metrics.retention_weeks", m => m.RetentionWeeks, (m, v) => m with { RetentionWeeks = v }, 1, ScenarioSpec.MaxHorizonWeeks, "weeks", "retention is measured this many weeks after the arm's last seeding wave"),
            new NumberParameter<MetricsSpec>("metrics.effectiveness.chaos_penalty", m => m.Effectiveness.ChaosPenalty, (m, v) => m with { Effectiveness = m.Effectiveness with { ChaosPenalty = v } }, 0, 1, "weight", "weight on circularity ahead of decisiveness ([model.md](model.md))"),
            new NumberParameter<MetricsSpec>("metrics.effectiveness.follow_through_penalty", m => m.Effectiveness.FollowThroughPenalty, (m, v) => m with { Effectiveness = m.Effectiveness with { FollowThroughPenalty = v } }, 0, 1, "weight", "weight on decisiveness ahead of the mean of circularity and pacing"),
            new NumberParameter<MetricsSpec>("metrics.effectiveness.imbalance_penalty", m => m.Effectiveness.ImbalancePenalty, (m, v) => m with { Effectiveness = m.Effectiveness with { ImbalancePenalty = v } }, 0, 1, "weight", "weight on the spread between the highest and lowest level"),
        ]);

    /// <summary>Every key of every section, in declared order.</summary>
    public static IReadOnlyList<ParameterDefinition> All => [.. Run.Parameters, .. Model.Parameters, .. Metrics.Parameters];

    /// <summary>The key at <paramref name="path"/> (from the top of a scenario), or null.</summary>
    public static ParameterDefinition? Find(string path) => All.FirstOrDefault(p => p.Path == path);

    /// <summary>
    /// The key a path of a sweep, a design or a <c>--set</c> names, or null: the model's own key for
    /// an arm's model key (<c>arms.NAME.model.…</c>), which takes what the scenario's does.
    /// </summary>
    public static ParameterDefinition? ForKey(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] parts = path.Split('.', 4);
        return Find(parts is ["arms", _, "model", var rest] ? $"model.{rest}" : path);
    }
}
