namespace OrgSim.Core.Engine;

/// <summary>
/// What a random draw decides. Part of the draw's counter, so that changing how often one
/// purpose draws never shifts the numbers another purpose sees.
/// </summary>
internal enum RandomPurpose : ulong
{
    /// <summary>Whether a competent agent deploys a competency this week.</summary>
    Deploy = 0,

    /// <summary>Whether an agent changes stage upward: becomes aware or completes a repetition.</summary>
    Learn = 1,

    /// <summary>Whether an idle agent forgets one stage.</summary>
    Forget = 2,
}
