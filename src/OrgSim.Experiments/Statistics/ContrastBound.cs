namespace OrgSim.Experiments.Statistics;

/// <summary>
/// What a paired difference in "weeks to X" between an arm and the reference means, given that a
/// run that never reached X within the horizon H counts as H + 1 weeks (its true time is later).
/// </summary>
public enum ContrastBound
{
    /// <summary>Every paired run of both arms reached X (or the metric is not censored): the difference is an estimate.</summary>
    Exact,

    /// <summary>Some runs of the arm did not reach X, all of the reference's did: the true difference is at least this.</summary>
    AtLeast,

    /// <summary>Some runs of the reference did not reach X, all of the arm's did: the true difference is at most this.</summary>
    AtMost,

    /// <summary>Runs of both arms did not reach X, but some reached it: the difference has no known direction of error.</summary>
    Unknown,

    /// <summary>No paired run of either arm reached X: there is no difference to give (the cells are left empty).</summary>
    Undefined,
}
