using OrgSim.Core.Graph;
using OrgSim.Core.Graph.Overlays;
using OrgSim.Experiments.Import;

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

    /// <summary>Erdős–Rényi: the chance each pair is tied, for G(n, p) instead of G(n, m) from <see cref="Degree"/>; null (default) for G(n, m).</summary>
    public double? TieProbability { get; init; }

    /// <summary>Watts–Strogatz: chance of rewiring each tie, in [0, 1]. Default 0.1.</summary>
    public double Rewire { get; init; } = 0.1;

    /// <summary>
    /// Ring and grid: Maslov–Sneppen double-edge swaps per tie applied to the lattice, in [0, 100],
    /// keeping every agent's degree (<see cref="DegreePreservingRewiring"/>). Default 0, the lattice itself.
    /// </summary>
    public double SwapsPerTie { get; init; }

    /// <summary>Barabási–Albert: ties each new agent makes. Default 2.</summary>
    public int Attachments { get; init; } = 2;

    /// <summary>Grid: agents per row; 0 (default) for a square grid. Agents must be a multiple of it.</summary>
    public int Width { get; init; }

    /// <summary>Teams: members per team. Default 8.</summary>
    public int TeamSize { get; init; } = 8;

    /// <summary>Mentoring pods, coaches, quality circles, skip-level meetings and dotted-line managers laid over the organisation. Default none.</summary>
    public OverlayOptions Overlays { get; init; } = new();

    /// <summary>Imports: the data file as written in the scenario (relative to the scenario file).</summary>
    public string ImportFile { get; init; } = string.Empty;

    /// <summary>Imports: the data file's full path, resolved against the scenario file's folder.</summary>
    public string ImportPath { get; init; } = string.Empty;

    /// <summary>Imports: lower-case hex SHA-256 of the data file when the scenario was loaded, for provenance.</summary>
    public string ImportSha256 { get; init; } = string.Empty;

    /// <summary>
    /// A node-attribute CSV file as written in the scenario (relative to it): a column of agent ids,
    /// then a column per attribute, for per-agent model inputs such as thresholds; empty for none.
    /// </summary>
    public string AttributesFile { get; init; } = string.Empty;

    /// <summary>The attribute file's full path, resolved against the scenario file's folder.</summary>
    public string AttributesPath { get; init; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the attribute file when the scenario was loaded, for provenance.</summary>
    public string AttributesSha256 { get; init; } = string.Empty;

    /// <summary>HR export: columns and options.</summary>
    public HrImportOptions HrImport { get; init; } = new();

    /// <summary>Imports: the directed edges of the imported organisation before overlays, known once the file was read.</summary>
    public long ImportedDirectedEdges { get; init; }

    /// <summary>The number of employees the generator makes (the overlays may add external coaches).</summary>
    public int Agents => Hierarchy.Agents;

    /// <summary>Every agent of the organisation: employees and the overlays' external coaches.</summary>
    public int TotalAgents => Agents + Overlays.ExtraAgents;

    /// <summary>Grid: the width used, <see cref="Width"/> or √agents rounded.</summary>
    public int GridWidth => Width > 0 ? Width : Math.Max(1, (int)Math.Round(Math.Sqrt(Agents)));
}
