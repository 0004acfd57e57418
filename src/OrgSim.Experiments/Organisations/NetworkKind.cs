namespace OrgSim.Experiments.Organisations;

/// <summary>The generator an organisation comes from.</summary>
public enum NetworkKind
{
    /// <summary>A hierarchy with teams and cross-team ties (<see cref="Core.Graph.HierarchyGenerator"/>).</summary>
    Hierarchy,

    /// <summary>Everybody tied to everybody.</summary>
    Complete,

    /// <summary>A ring lattice of a given degree.</summary>
    Ring,

    /// <summary>A square-ish 2-D grid.</summary>
    Grid,

    /// <summary>Erdős–Rényi random graph with a given mean degree.</summary>
    ErdosRenyi,

    /// <summary>Watts–Strogatz small world.</summary>
    WattsStrogatz,

    /// <summary>Barabási–Albert preferential attachment.</summary>
    BarabasiAlbert,

    /// <summary>A flat, self-managed network of teams with no hierarchy (<see cref="Core.Graph.TeamNetworkGenerator"/>).</summary>
    Teams,

    /// <summary>Imported from an HR export CSV (<see cref="Import.HrExportImporter"/>).</summary>
    HrExport,

    /// <summary>Imported from an edge-list CSV (<see cref="Import.EdgeListImporter"/>).</summary>
    EdgeList,
}
