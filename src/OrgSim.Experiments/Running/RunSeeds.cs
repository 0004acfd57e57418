using OrgSim.Core.Randomness;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Running;

/// <summary>
/// The seeds of one run, derived from the scenario seed and the run's coordinates only. All
/// arms of a replicate share its organisation, its dynamics stream and its seeding draw (common
/// random numbers), so a difference between arms is the intervention's, not the luck of the
/// draw: two arms with the same strategy and budget train the same people, and arms that differ
/// only in their model compare the same cohort.
/// </summary>
public static class RunSeeds
{
    /// <summary>The seed of replicate <paramref name="replicate"/>'s organisation.</summary>
    public static ulong Organisation(ulong scenarioSeed, int replicate) => SeedDerivation.Derive(scenarioSeed, "organisation", replicate);

    /// <summary>
    /// The seed of the organisation that point <paramref name="point"/> of replicate
    /// <paramref name="replicate"/> runs on: the replicate's, shared by every point, or with
    /// <see cref="OrganisationPerPoint.Fresh"/> one derived from the point too. Only the
    /// organisation is fresh: the dynamics and seeding seeds stay the replicate's, so the points
    /// still differ by their parameters and network only, and the arms of a point share all three.
    /// </summary>
    public static ulong Organisation(ScenarioSpec spec, int point, int replicate)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ulong shared = Organisation(spec.Seed, replicate);
        return spec.OrganisationPerPoint == OrganisationPerPoint.Fresh ? SeedDerivation.Derive(shared, "point", point) : shared;
    }

    /// <summary>The seed of the dynamics of replicate <paramref name="replicate"/>.</summary>
    public static ulong Dynamics(ulong scenarioSeed, int replicate) => SeedDerivation.Derive(scenarioSeed, "dynamics", replicate);

    /// <summary>The seed that chooses the seed agents of every arm in replicate <paramref name="replicate"/>.</summary>
    public static ulong Seeding(ulong scenarioSeed, int replicate) => SeedDerivation.Derive(scenarioSeed, "seeding", replicate);
}
