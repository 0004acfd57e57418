namespace OrgSim.Experiments.Organisations;

/// <summary>Whether the points of a sweep share each replicate's organisation or draw their own.</summary>
public enum OrganisationPerPoint
{
    /// <summary>
    /// Every point of a replicate runs on the same organisation (the default): a difference between
    /// points is the parameter's, not the luck of the network drawn.
    /// </summary>
    Shared,

    /// <summary>
    /// Every point and replicate draws its own organisation, for studies that want the points
    /// independent (e.g. a response curve whose points should not share one network's quirks).
    /// The arms of a point still share it, and its dynamics and seeding seeds.
    /// </summary>
    Fresh,
}
