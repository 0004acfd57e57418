using System.Globalization;
using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Export;

/// <summary>
/// The largest organisation <c>orgsim graph</c> exports, checked before anything is built or
/// written: a complete network of at most <see cref="MaxCompleteTies"/> ties. Documented in docs/organisations.md.
/// </summary>
/// <remarks>
/// A complete network is held implicitly, so 46,341 agents cost a few hundred kilobytes in memory;
/// but its n(n − 1)/2 ties, written out, are over a billion lines: 26 GB of edge list, 140 GB of
/// GraphML. At the limit, 4,472 agents, the files are 0.2 GB (edges) to 1.7 GB (GEXF), which
/// Gephi and NetworkX still open. Every other generator stores its ties, so its export is bounded
/// by what the organisation already took in memory, and is not limited here.
/// </remarks>
public static class ExportLimits
{
    /// <summary>The most ties of a complete network <c>orgsim graph</c> exports: 10,000,000 (4,472 agents).</summary>
    public const long MaxCompleteTies = 10_000_000;

    /// <summary>The most agents of a complete network that <c>orgsim graph</c> exports: 4,472, whose 9,997,156 ties are within <see cref="MaxCompleteTies"/>.</summary>
    public const int MaxCompleteAgents = 4_472;

    /// <summary>
    /// Bytes written per tie of a complete network of a few thousand agents, by format, measured
    /// on 4,000 agents (the agents' own lines included): for the estimate in the refusal.
    /// </summary>
    private static readonly Dictionary<string, int> BytesPerTie = new(StringComparer.Ordinal)
    {
        ["edges"] = 24,
        ["graphml"] = 128,
        ["gexf"] = 172,
        ["dot"] = 66,
    };

    /// <summary>The ties of a complete network of <paramref name="agents"/>: n(n − 1)/2.</summary>
    public static long CompleteTies(long agents) => agents < 2 ? 0 : agents * (agents - 1) / 2;

    /// <summary>
    /// Why exporting <paramref name="organisation"/> as <paramref name="format"/> is refused, as one
    /// line with what to do instead; null when it is within the limit.
    /// </summary>
    public static string? Problem(OrganisationSpec organisation, string format)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(format);
        if (organisation.Kind != NetworkKind.Complete)
        {
            return null;
        }

        long ties = CompleteTies(organisation.Agents);
        if (ties <= MaxCompleteTies)
        {
            return null;
        }

        double bytes = (double)ties * BytesPerTie.GetValueOrDefault(format, BytesPerTie["edges"]);
        return string.Create(CultureInfo.InvariantCulture,
            $"orgsim graph: a complete network of {organisation.Agents:N0} agents has {ties:N0} ties, about {Size(bytes)} as --format {format}; "
            + $"it exports at most {MaxCompleteTies:N0} ties ({MaxCompleteAgents:N0} agents), so use --stats, which is exact at any size, "
            + $"or fewer agents, e.g. --set organisation.agents={MaxCompleteAgents}");
    }

    private static string Size(double bytes) => bytes >= 1e9
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:N1} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:N0} MB");
}
