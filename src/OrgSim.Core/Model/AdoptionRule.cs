namespace OrgSim.Core.Model;

/// <summary>
/// How an unaware agent (stage 0) becomes aware — or, with learning off, adopts — from what its
/// contacts deploy. The four classic diffusion models; see <c>docs/model.md</c>.
/// </summary>
public enum AdoptionRule : byte
{
    /// <summary>Simple contagion: each deploying contact independently transmits with its hit chance (SI; the independent cascade with <see cref="ModelParameters.ActiveWeeks"/> = 1).</summary>
    SimpleContagion = 0,

    /// <summary>Fractional threshold (Watts 2002): adopt when the strength-weighted share of deploying contacts reaches the agent's threshold θ.</summary>
    FractionalThreshold = 1,

    /// <summary>Absolute threshold (Granovetter 1978): adopt when at least the agent's threshold m of its contacts deploy.</summary>
    AbsoluteThreshold = 2,

    /// <summary>Bass (1969): adopt with chance p + q × the strength-weighted share of deploying contacts.</summary>
    Bass = 3,
}
