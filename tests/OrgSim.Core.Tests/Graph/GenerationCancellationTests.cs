using OrgSim.Core.Graph;
using OrgSim.Core.Graph.Overlays;

namespace OrgSim.Core.Tests.Graph;

/// <summary>
/// SIGTERM while a large organisation is generated: every generator, the overlays and the graph's
/// build look at the token (every 16,384 iterations, and at the first), and a live token changes
/// no draw.
/// </summary>
public class GenerationCancellationTests
{
    private static readonly CancellationToken Cancelled = new(canceled: true);

    private static readonly HierarchyOptions Spread = new()
    {
        Agents = 3_000, Span = 4, SpanMax = 9, Functions = 5, Sites = 3, RemoteShare = 0.2, RemoteTieWeight = 0.5,
        CrossTeamTiesPerAgent = 2, CrossFunctionShare = 0.3,
    };

    private static readonly OverlayOptions Overlays = new()
    {
        MenteeShare = 0.3, PodMin = 3, PodMax = 5, LifeCoach = true, ExternalCoaches = 5, ClientsPerCoach = 8,
        CircleSize = 6, SkipLevelMeetings = true, DottedLineShare = 0.2,
    };

    public static TheoryData<string> Generators => ["ring", "grid", "erdos-renyi", "erdos-renyi-gnp", "watts-strogatz", "barabasi-albert", "hierarchy", "teams"];

    [Theory]
    [MemberData(nameof(Generators))]
    public void Generator_WithACancelledToken_Throws(string generator)
    {
        Assert.ThrowsAny<OperationCanceledException>(() => Generate(generator, 7, Cancelled));
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Generator_WithALiveToken_GivesTheGraphItGivesWithout(string generator)
    {
        using var source = new CancellationTokenSource();
        AssertSameGraph(Generate(generator, 7, default), Generate(generator, 7, source.Token));
    }

    [Fact]
    public void Builder_BuildAndFrom_WithACancelledToken_Throw()
    {
        var builder = new OrgGraphBuilder(3).AddTie(0, 1, EdgeType.TeamPeer).AddTie(1, 2, EdgeType.TeamPeer);
        Assert.ThrowsAny<OperationCanceledException>(() => builder.Build(Cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => new OrgGraphBuilder(0).Build(Cancelled));
        OrgGraph graph = builder.Build();
        Assert.ThrowsAny<OperationCanceledException>(() => OrgGraphBuilder.From(graph, 0, Cancelled));
    }

    [Fact]
    public void Overlays_WithACancelledToken_Throw_AndWithALiveOneAreUnchanged()
    {
        OrgGraph organisation = HierarchyGenerator.Generate(Spread, 4);
        Assert.ThrowsAny<OperationCanceledException>(() => OverlayBuilder.Apply(organisation, Overlays, 4, 0.5, Cancelled));
        Assert.ThrowsAny<OperationCanceledException>(() => OverlayBuilder.Apply(organisation, new OverlayOptions { SkipLevelMeetings = true }, 4, 1, Cancelled));
        using var source = new CancellationTokenSource();
        AssertSameGraph(OverlayBuilder.Apply(organisation, Overlays, 4, 0.5), OverlayBuilder.Apply(organisation, Overlays, 4, 0.5, source.Token));
    }

    [Fact]
    public void Interval_IsAPowerOfTwo_SoTheCheckIsAMask()
    {
        Assert.Equal(16_384, ClassicNetworks.CancellationCheckTies);
        Assert.Equal(0, GenerationCancellation.Interval & (GenerationCancellation.Interval - 1));
    }

    private static OrgGraph Generate(string generator, ulong seed, CancellationToken cancellation) => generator switch
    {
        "ring" => ClassicNetworks.RingLattice(2_000, 6, cancellation),
        "grid" => ClassicNetworks.Grid(40, 50, cancellation),
        "erdos-renyi" => ClassicNetworks.ErdosRenyi(2_000, 5, seed, cancellation),
        "erdos-renyi-gnp" => ClassicNetworks.ErdosRenyiGnp(2_000, 0.003, seed, cancellation),
        "watts-strogatz" => ClassicNetworks.WattsStrogatz(2_000, 6, 0.2, seed, cancellation),
        "barabasi-albert" => ClassicNetworks.BarabasiAlbert(2_000, 3, seed, cancellation),
        "hierarchy" => HierarchyGenerator.Generate(Spread, seed, cancellation),
        "teams" => TeamNetworkGenerator.Generate(2_003, 7, 2.0, seed, cancellation),
        _ => throw new ArgumentOutOfRangeException(nameof(generator), generator, "unknown"),
    };

    private static void AssertSameGraph(OrgGraph expected, OrgGraph actual)
    {
        Assert.Equal(expected.NodeCount, actual.NodeCount);
        Assert.Equal(expected.EdgeCount, actual.EdgeCount);
        for (int v = 0; v < expected.NodeCount; v++)
        {
            Assert.Equal(expected.Neighbours(v).ToArray(), actual.Neighbours(v).ToArray());
            Assert.Equal(expected.EdgeTypesOf(v).ToArray(), actual.EdgeTypesOf(v).ToArray());
            Assert.Equal(expected.EdgeWeightsOf(v).ToArray(), actual.EdgeWeightsOf(v).ToArray());
            Assert.Equal(expected.Manager(v), actual.Manager(v));
            Assert.Equal(expected.Team(v), actual.Team(v));
            Assert.Equal(expected.Site(v), actual.Site(v));
            Assert.Equal(expected.IsRemote(v), actual.IsRemote(v));
        }
    }
}
