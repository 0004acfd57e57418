using OrgSim.Core.Agents;

namespace OrgSim.Core.Seeding;

/// <summary>An intervention: which agents start competent, in what, and at which stage.</summary>
/// <param name="Strategy">Where the budget goes.</param>
/// <param name="Budget">How many agents are seeded, at least 1 and at most the eligible agents; 0 for <see cref="SeedingStrategy.None"/>; for the neighbourhood strategies, how many neighbourhoods (1 for <see cref="SeedingStrategy.Neighbourhood"/>).</param>
/// <param name="Competencies">Which competencies the seeds get. Default all four.</param>
/// <param name="Stage">The stage the seeds start at. Default <see cref="Stage.ConsciousCompetence"/>, as after a training.</param>
/// <param name="Week">The week the seeds are trained: 0 (default) before the first week, or later for an intervention delivered in waves.</param>
/// <param name="Centre">For <see cref="SeedingStrategy.Neighbourhood"/>: the agent whose neighbourhood is seeded; -1 (default) for every other strategy.</param>
public sealed record SeedingPlan(
    SeedingStrategy Strategy,
    int Budget,
    CompetencySet Competencies,
    Stage Stage = Stage.ConsciousCompetence,
    int Week = 0,
    int Centre = -1);
