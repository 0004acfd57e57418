namespace OrgSim.Core.Agents;

/// <summary>
/// The four behavioural micro competencies of the seed article <c>000_4cfcd769e7dde9b2.txt</c>.
/// Each agent holds a <see cref="Stage"/> for each of them, independently.
/// </summary>
/// <remarks>The numeric values index the per-agent arrays and the bits of a <see cref="CompetencySet"/>.</remarks>
public enum Competency : byte
{
    /// <summary>The decision driver: brings a discussion to a decision.</summary>
    Decisiveness = 0,

    /// <summary>The facilitator: keeps energy flowing round the group.</summary>
    Circularity = 1,

    /// <summary>The timekeeper: follows up in quarters.</summary>
    Pacing = 2,

    /// <summary>The advisor: "how do we do better next time".</summary>
    Feedforward = 3,
}
