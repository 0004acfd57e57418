namespace OrgSim.Core.Agents;

/// <summary>
/// The four stages of competence (seed <c>001_2b6610652edaba09.txt</c>). An agent at
/// <see cref="ConsciousCompetence"/> or above deploys the competency in its interactions.
/// </summary>
public enum Stage : byte
{
    /// <summary>Stage 0: does not know what it does not know.</summary>
    UnconsciousIncompetence = 0,

    /// <summary>Stage 1: aware of the behaviour, practising it with effort.</summary>
    ConsciousIncompetence = 1,

    /// <summary>Stage 2: can do it with effort; deploys it, less reliably than a habit.</summary>
    ConsciousCompetence = 2,

    /// <summary>Stage 3: habit; deploys it reliably and does not forget it.</summary>
    UnconsciousCompetence = 3,
}
