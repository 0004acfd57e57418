namespace OrgSim.Core.Graph;

// The report and the four small records it is made of share this file: each is a few lines
// and none is used without the report.

/// <summary>
/// The structure of an organisation, as computed by <see cref="GraphStatistics.Compute"/>: size,
/// ties by type, degrees, levels and teams, clustering, components, distances and the most
/// central agents. Ties are undirected: each counts once, whatever its two stored directions.
/// </summary>
public sealed record GraphStatisticsReport
{
    /// <summary>The number of agents.</summary>
    public required int NodeCount { get; init; }

    /// <summary>The number of ties (half the directed edges).</summary>
    public required long TieCount { get; init; }

    /// <summary>Ties per relationship that occurs, in <see cref="EdgeType"/> order; they sum to <see cref="TieCount"/>.</summary>
    public required IReadOnlyList<TieTypeCount> TiesByType { get; init; }

    /// <summary>The distribution of the number of ties per agent.</summary>
    public required DegreeSummary Degrees { get; init; }

    /// <summary>Agents at each hierarchy level, from level 0 (the top) down.</summary>
    public required IReadOnlyList<int> AgentsPerLevel { get; init; }

    /// <summary>The number of teams with at least one agent.</summary>
    public required int TeamCount { get; init; }

    /// <summary>The agents of the smallest non-empty team (0 for an empty graph).</summary>
    public required int SmallestTeam { get; init; }

    /// <summary>Agents per non-empty team.</summary>
    public required double MeanTeamSize { get; init; }

    /// <summary>The agents of the largest team.</summary>
    public required int LargestTeam { get; init; }

    /// <summary>
    /// Watts–Strogatz's average clustering coefficient, in [0, 1]: the mean over agents of the
    /// share of pairs of an agent's contacts that are tied to each other, an agent with fewer than
    /// two contacts counting as 0.
    /// </summary>
    public required double Clustering { get; init; }

    /// <summary>Whether <see cref="Clustering"/> is the mean over a sample of agents rather than all of them.</summary>
    public required bool ClusteringSampled { get; init; }

    /// <summary>The number of agents averaged in <see cref="Clustering"/>: <see cref="NodeCount"/> when exact.</summary>
    public required int ClusteringAgents { get; init; }

    /// <summary>The number of connected components, isolated agents included (always exact).</summary>
    public required int ComponentCount { get; init; }

    /// <summary>The agents of the largest connected component (always exact).</summary>
    public required int LargestComponent { get; init; }

    /// <summary>
    /// The mean number of ties on a shortest path between two agents of the largest component,
    /// over ordered pairs of distinct agents; 0 when that component has a single agent.
    /// </summary>
    public required double MeanPathLength { get; init; }

    /// <summary>Whether <see cref="MeanPathLength"/> is the mean over sampled sources rather than all agents of the largest component.</summary>
    public required bool PathSampled { get; init; }

    /// <summary>The number of breadth-first sources behind <see cref="MeanPathLength"/>.</summary>
    public required int PathSources { get; init; }

    /// <summary>Whether betweenness was estimated from sampled sources (Brandes and Pich 2007) rather than computed exactly.</summary>
    public required bool BetweennessSampled { get; init; }

    /// <summary>The number of sources behind the betweenness values: <see cref="NodeCount"/> when exact.</summary>
    public required int BetweennessSources { get; init; }

    /// <summary>The agents with the most ties, most first; equal degrees in id order.</summary>
    public required IReadOnlyList<CentralAgent> TopByDegree { get; init; }

    /// <summary>
    /// The agents with the highest betweenness (shortest paths between other pairs through them,
    /// each unordered pair counted once), highest first; equal values in id order.
    /// </summary>
    public required IReadOnlyList<CentralAgent> TopByBetweenness { get; init; }
}

/// <summary>The ties of one relationship, such as <c>manager/report</c> or <c>team_peer</c>.</summary>
/// <param name="Type">The relationship seen from one end: the first of an asymmetric pair (<see cref="EdgeType.Manager"/> for manager/report).</param>
/// <param name="Name">The relationship's name: <c>manager/report</c> for a pair, <c>team_peer</c> for a symmetric type.</param>
/// <param name="Ties">The number of ties.</param>
public sealed record TieTypeCount(EdgeType Type, string Name, long Ties);

/// <summary>
/// The distribution of degrees (ties per agent). The median and the 90th percentile are by
/// nearest rank: the smallest degree that at least half (90%) of the agents do not exceed.
/// </summary>
/// <param name="Min">The smallest degree.</param>
/// <param name="Max">The largest degree.</param>
/// <param name="Mean">The mean degree: twice the ties over the agents.</param>
/// <param name="Median">The nearest-rank median.</param>
/// <param name="Percentile90">The nearest-rank 90th percentile.</param>
/// <param name="Histogram">Agents per degree range in powers of two — 0, 1, 2–3, 4–7, … — up to the range holding <paramref name="Max"/>, empty ranges included.</param>
public sealed record DegreeSummary(int Min, int Max, double Mean, int Median, int Percentile90, IReadOnlyList<DegreeBin> Histogram);

/// <summary>The agents whose degree is in [<paramref name="Low"/>, <paramref name="High"/>].</summary>
/// <param name="Low">The smallest degree of the range.</param>
/// <param name="High">The largest degree of the range.</param>
/// <param name="Agents">The number of agents in the range.</param>
public sealed record DegreeBin(int Low, int High, int Agents);

/// <summary>An agent ranked by a centrality.</summary>
/// <param name="Agent">The agent's id.</param>
/// <param name="Name">The agent's name (<see cref="OrgGraph.Name"/>).</param>
/// <param name="Value">Its degree, or its betweenness.</param>
public sealed record CentralAgent(int Agent, string Name, double Value);
