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
}
