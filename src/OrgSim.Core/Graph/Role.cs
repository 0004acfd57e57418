namespace OrgSim.Core.Graph;

/// <summary>An agent's place in the organisation, derived from the hierarchy.</summary>
public enum Role : byte
{
    /// <summary>In the top levels of the hierarchy (see <see cref="HierarchyOptions.ExecutiveLevels"/>).</summary>
    Executive = 0,

    /// <summary>Has direct reports and is below the executive levels.</summary>
    Manager = 1,

    /// <summary>Has no direct reports: the front line.</summary>
    FrontLine = 2,

    /// <summary>Not an employee: an external coach or the life coach of the mentors, outside the hierarchy.</summary>
    External = 3,
}
