using OrgSim.Core.Graph;
using OrgSim.Core.Graph.Overlays;
using OrgSim.Experiments.Import;

namespace OrgSim.Experiments.Organisations;

/// <summary>Builds the organisation a scenario names, deterministic from the seed.</summary>
public static class OrganisationFactory
{
    /// <summary>From this many agents on, memory is collected before and after generating, see <see cref="Build"/>.</summary>
    public const int CollectFromAgents = 1_000_000;

    /// <summary>Generates <paramref name="spec"/> from <paramref name="seed"/>; <paramref name="cancellation"/> stops every generator, the overlays and the graph's build, each of which looks at it every 16,384 agents, ties or draws (importers read their file first and are not stopped).</summary>
    /// <remarks>
    /// A large organisation is generated between two full collections. Before: the organisation
    /// and simulation of the replicate before are garbage now (1 GB at 10^7 agents), and the
    /// generator's first large arrays would otherwise be allocated beside them. After: generating
    /// allocates about twice what the graph keeps (the builder's ties, the generator's arrays), and
    /// a run then allocates too little for the collector to look at them again, so at 10^7 agents
    /// 1.5 GB of garbage stayed beside the simulation for the whole run. Each collection costs a
    /// few tenths of a second at 10^7 agents, against a generation of 5–10 s.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static OrgGraph Build(OrganisationSpec spec, ulong seed, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        bool large = spec.Agents >= CollectFromAgents;
        if (large)
        {
            CollectGarbage();
        }

        OrgGraph organisation = Generate(spec, seed, cancellation);
        if (spec.Kind is NetworkKind.Ring or NetworkKind.Grid && spec.SwapsPerTie > 0)
        {
            organisation = DegreePreservingRewiring.Rewire(organisation, spec.SwapsPerTie, seed, cancellation);
        }

        double remoteTieWeight = spec.Kind switch
        {
            NetworkKind.Hierarchy => spec.Hierarchy.RemoteTieWeight,
            NetworkKind.HrExport => spec.HrImport.RemoteTieWeight,
            _ => 1,
        };
        OrgGraph built = OverlayBuilder.Apply(organisation, spec.Overlays, seed, remoteTieWeight, cancellation);
        if (large)
        {
            CollectGarbage();
        }

        return built;
    }

    private static void CollectGarbage() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

    private static OrgGraph Generate(OrganisationSpec spec, ulong seed, CancellationToken cancellation)
    {
        int n = spec.Agents;
        return spec.Kind switch
        {
            NetworkKind.Hierarchy => HierarchyGenerator.Generate(spec.Hierarchy, seed, cancellation),
            NetworkKind.Teams => TeamNetworkGenerator.Generate(n, spec.TeamSize, spec.Hierarchy.CrossTeamTiesPerAgent, seed, cancellation),
            NetworkKind.HrExport => HrExportImporter.Import(spec.ImportPath, spec.HrImport, seed).Graph,
            NetworkKind.EdgeList => EdgeListImporter.Import(spec.ImportPath).Graph,
            NetworkKind.Complete => ClassicNetworks.Complete(n),
            NetworkKind.Ring => ClassicNetworks.RingLattice(n, (int)spec.Degree, cancellation),
            NetworkKind.Grid => ClassicNetworks.Grid(spec.GridWidth, n / spec.GridWidth, cancellation),
            NetworkKind.ErdosRenyi when spec.TieProbability is { } p => ClassicNetworks.ErdosRenyiGnp(n, p, seed, cancellation),
            NetworkKind.ErdosRenyi => ClassicNetworks.ErdosRenyi(n, spec.Degree, seed, cancellation),
            NetworkKind.WattsStrogatz => ClassicNetworks.WattsStrogatz(n, (int)spec.Degree, spec.Rewire, seed, cancellation),
            NetworkKind.BarabasiAlbert => ClassicNetworks.BarabasiAlbert(n, spec.Attachments, seed, cancellation),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown generator"),
        };
    }

    /// <summary>
    /// The directed edges <paramref name="spec"/> will have, computed without building it: exact
    /// but for the rare cross-team shortfall, and an upper bound for the overlays.
    /// </summary>
    public static long DirectedEdges(OrganisationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        long n = spec.Agents;
        return OverlayEdges(spec) + spec.Kind switch
        {
            NetworkKind.Hierarchy => HierarchyEdges(spec.Hierarchy),
            NetworkKind.Teams => TeamEdges(n, spec.TeamSize, spec.Hierarchy.CrossTeamTiesPerAgent),
            NetworkKind.HrExport or NetworkKind.EdgeList => spec.ImportedDirectedEdges,
            NetworkKind.Complete => n * (n - 1),
            NetworkKind.Ring or NetworkKind.WattsStrogatz => n * (long)spec.Degree,
            NetworkKind.Grid => GridEdges(spec.GridWidth, n / spec.GridWidth),
            // G(n, p): the expected ties, which a draw exceeds by a few standard deviations at most.
            NetworkKind.ErdosRenyi when spec.TieProbability is { } p => 2 * (long)Math.Round(p * n * (n - 1) / 2.0, MidpointRounding.AwayFromZero),
            NetworkKind.ErdosRenyi => 2 * (long)Math.Round(n * spec.Degree / 2.0, MidpointRounding.AwayFromZero),
            NetworkKind.BarabasiAlbert => 2 * ((spec.Attachments * (spec.Attachments + 1L) / 2) + ((n - spec.Attachments - 1) * spec.Attachments)),
            _ => 0,
        };
    }

    private static long TeamEdges(long n, long size, double crossTeam)
    {
        long full = n / size, rest = n % size;
        long peerTies = (full * size * (size - 1) / 2) + (rest * (rest - 1) / 2);
        return 2 * (peerTies + (long)Math.Round(n * crossTeam / 2.0, MidpointRounding.AwayFromZero));
    }

    /// <summary>At most: one mentor tie per mentee, one coach tie per mentor and client, a circle clique per member, one skip-level and one dotted-line tie per employee.</summary>
    private static long OverlayEdges(OrganisationSpec spec)
    {
        OverlayOptions o = spec.Overlays;
        long n = spec.Agents;
        long mentees = (long)Math.Ceiling(n * o.MenteeShare);
        long ties = mentees + (o.LifeCoach ? mentees : 0) + ((long)o.ExternalCoaches * o.ClientsPerCoach)
            + (o.CircleSize > 0 ? 2 * mentees * o.CircleSize : 0) + (o.SkipLevelMeetings ? n : 0) + (o.DottedLineShare > 0 ? n : 0);
        return 2 * ties;
    }

    private static long GridEdges(long width, long height) => 2 * (((width - 1) * height) + (width * (height - 1)));

    private static long HierarchyEdges(HierarchyOptions o)
    {
        long n = o.Agents;
        long crossTies = n < 2 ? 0 : (long)Math.Round(n * o.CrossTeamTiesPerAgent / 2.0, MidpointRounding.AwayFromZero);
        if (o.SpanMax == 0)
        {
            long span = o.Span;
            long fullTeams = (n - 1) / span, rest = (n - 1) % span;
            long peerTies = (fullTeams * span * (span - 1) / 2) + (rest * (rest - 1) / 2);
            return 2 * ((n - 1) + peerTies + crossTies);
        }

        // Spans drawn uniformly from [a, b]: (n − 1) / E[s] teams of E[s(s − 1)] / 2 peer ties each,
        // with E[s²] = Var + E[s]² for the discrete uniform. An estimate, rounded up.
        double a = o.Span, b = o.SpanMax, mean = (a + b) / 2, variance = (((b - a + 1) * (b - a + 1)) - 1) / 12;
        double teams = (n - 1) / mean;
        long expectedPeerTies = (long)Math.Ceiling(teams * (variance + (mean * mean) - mean) / 2);
        return 2 * ((n - 1) + expectedPeerTies + crossTies);
    }
}
