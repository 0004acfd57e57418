using OrgSim.Core.Seeding;

namespace OrgSim.Experiments.Scenarios;

/// <summary>One arm of a comparison: a named intervention.</summary>
/// <param name="Name">Unique within the scenario; appears in every output row.</param>
/// <param name="Seeding">Who starts competent, in what, and at which stage.</param>
public sealed record ArmSpec(string Name, SeedingPlan Seeding);
