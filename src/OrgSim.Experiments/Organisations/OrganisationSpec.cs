using OrgSim.Core.Graph;

namespace OrgSim.Experiments.Organisations;

/// <summary>Which organisation to generate, with the generator's parameters; unused ones keep their defaults.</summary>
public sealed record OrganisationSpec
{
    /// <summary>The generator. Default <see cref="NetworkKind.Hierarchy"/>.</summary>
    public NetworkKind Kind { get; init; } = NetworkKind.Hierarchy;

    /// <summary>The hierarchy's parameters; <see cref="HierarchyOptions.Agents"/> is the agent count of every kind.</summary>
    public HierarchyOptions Hierarchy { get; init; } = new();

    /// <summary>Ring, Erdős–Rényi and Watts–Strogatz: (mean) degree. Default 4.</summary>
    public double Degree { get; init; } = 4;

    /// <summary>Watts–Strogatz: chance of rewiring each tie, in [0, 1]. Default 0.1.</summary>
    public double Rewire { get; init; } = 0.1;

    /// <summary>Barabási–Albert: ties each new agent makes. Default 2.</summary>
    public int Attachments { get; init; } = 2;

    /// <summary>Grid: agents per row; 0 (default) for a square grid. Agents must be a multiple of it.</summary>
    public int Width { get; init; }

    /// <summary>The number of agents.</summary>
    public int Agents => Hierarchy.Agents;

    /// <summary>Grid: the width used, <see cref="Width"/> or √agents rounded.</summary>
    public int GridWidth => Width > 0 ? Width : Math.Max(1, (int)Math.Round(Math.Sqrt(Agents)));
}
