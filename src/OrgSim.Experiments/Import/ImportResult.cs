using OrgSim.Core.Graph;

namespace OrgSim.Experiments.Import;

/// <summary>An imported organisation and what the user should know about how it was read.</summary>
/// <param name="Graph">The organisation: agents numbered as the importer documents, each named by its id in the file.</param>
/// <param name="Warnings">Problems the import went on past, in row order, each saying what was done.</param>
public sealed record ImportResult(OrgGraph Graph, IReadOnlyList<ImportProblem> Warnings)
{
    /// <summary>The name of each team id, for labels in reports; empty when the file does not name teams.</summary>
    public IReadOnlyList<string> TeamNames { get; init; } = [];

    /// <summary>The name of each function id; empty when the file does not name functions.</summary>
    public IReadOnlyList<string> FunctionNames { get; init; } = [];

    /// <summary>The name of each site id; empty when the file does not name sites.</summary>
    public IReadOnlyList<string> SiteNames { get; init; } = [];
}
