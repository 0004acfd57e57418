namespace OrgSim.Core.Seeding;

/// <summary>Where an intervention places its budget of initially competent agents.</summary>
public enum SeedingStrategy : byte
{
    /// <summary>The most senior agents: lowest level first, then lowest id.</summary>
    TopDown = 0,

    /// <summary>Front-line agents (no reports) drawn at random, scattered over teams.</summary>
    BottomUpScattered = 1,

    /// <summary>Whole front-line teams drawn at random until the budget is spent.</summary>
    BottomUpTeams = 2,

    /// <summary>Agents drawn uniformly at random from the whole organisation.</summary>
    Random = 3,

    /// <summary>Middle managers (managers below the executive levels) drawn at random: middle-out.</summary>
    MiddleOut = 4,

    /// <summary>The employees with the most contacts: targeted by degree centrality (ties broken by seniority, then id).</summary>
    MostConnected = 5,

    /// <summary>Mentors of the mentoring pods drawn at random: a mentoring programme.</summary>
    Mentors = 6,

    /// <summary>External coaches and the life coach drawn at random: a coaching programme.</summary>
    Coaches = 7,

    /// <summary>Nobody: the arm trains no one (budget 0), so any adoption comes from the model alone, e.g. Bass innovation.</summary>
    None = 8,

    /// <summary>One given agent (<see cref="SeedingPlan.Centre"/>) and all its contacts: a neighbourhood seed, as in complex-contagion experiments.</summary>
    Neighbourhood = 9,

    /// <summary>
    /// Budget-many distinct employees drawn at random as centres, each seeded with all its contacts.
    /// Overlapping neighbourhoods are seeded once, so the agents seeded are the union: at least the budget.
    /// </summary>
    RandomNeighbourhoods = 10,
}
