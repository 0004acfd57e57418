using OrgSim.Experiments.Organisations;
using OrgSim.Core.Model;

namespace OrgSim.Experiments.Scenarios;

/// <summary>A scenario after parsing and defaults: everything needed to run it, nothing about files.</summary>
public sealed record ScenarioSpec
{
    /// <summary>Short name; names the default output folder.</summary>
    public required string Name { get; init; }

    /// <summary>The question the scenario asks, in plain words. Default empty.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The heading of the report, in plain words (<c>title</c>). Default empty: the report shows <see cref="Name"/>.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>The scenario seed from which every run's seeds derive. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Weeks to simulate, in [1, 5,200]. Default 104 (two years).</summary>
    public int HorizonWeeks { get; init; } = 104;

    /// <summary>Independent replicates of every arm, in [1, 100,000]. Default 20.</summary>
    public int Replicates { get; init; } = 20;

    /// <summary>
    /// Whether a run stops at the first quiescent week (no agent changed stage), carrying its state
    /// to the horizon in the outputs. Default false. Exact for deterministic rules (thresholds in
    /// classic mode); with chance in the rules a quiet week need not last.
    /// </summary>
    public bool StopAtQuiescence { get; init; }

    /// <summary>
    /// Whether the points of a sweep share each replicate's organisation (default) or draw a fresh
    /// one per point and replicate; see <see cref="Running.RunSeeds.Organisation(ScenarioSpec, int, int)"/>.
    /// </summary>
    public OrganisationPerPoint OrganisationPerPoint { get; init; }

    /// <summary>The organisation: which generator, with which parameters.</summary>
    public OrganisationSpec Organisation { get; init; } = new();

    /// <summary>The learning dynamics' parameters.</summary>
    public ModelParameters Model { get; init; } = new();

    /// <summary>How outcome metrics are computed.</summary>
    public MetricsSpec Metrics { get; init; } = new();

    /// <summary>The arms to compare, at least one, names unique.</summary>
    public required IReadOnlyList<ArmSpec> Arms { get; init; }

    /// <summary>The largest horizon accepted: a century of weeks.</summary>
    public const int MaxHorizonWeeks = 5_200;

    /// <summary>The largest replicate count accepted.</summary>
    public const int MaxReplicates = 100_000;
}
