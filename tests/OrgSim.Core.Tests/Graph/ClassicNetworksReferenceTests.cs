using OrgSim.Core.Graph;

namespace OrgSim.Core.Tests.Graph;

/// <summary>
/// The generators' graphs pinned to the graphs they gave before their duplicate check changed
/// (commit 4cf8998, where ties were kept in a <c>HashSet&lt;long&gt;</c> whose hash was
/// <c>a ^ b</c>): a change of the check must not change a graph a seed gives.
/// </summary>
public class ClassicNetworksReferenceTests
{
    [Theory]
    [InlineData(500, 4, 0.2, 9UL, 13595223725445305103UL)]
    [InlineData(1_000, 2, 0.05, 3UL, 3876600264164269608UL)]
    [InlineData(2_000, 6, 0.5, 1UL, 2134721472440504938UL)]
    [InlineData(10_000, 10, 1.0, 42UL, 2554320061836823586UL)]
    public void WattsStrogatz_GivesTheSameTiesAsBefore(int n, int k, double rewire, ulong seed, ulong expected) =>
        Assert.Equal(expected, Checksum(ClassicNetworks.WattsStrogatz(n, k, rewire, seed)));

    [Theory]
    [InlineData(1_000, 4.0, 1UL, 1532839757808127028UL)]
    [InlineData(5_000, 10.0, 2UL, 8964832644122069526UL)]
    [InlineData(200, 150.0, 3UL, 2025880722577328628UL)]
    public void ErdosRenyi_GivesTheSameTiesAsBefore(int n, double meanDegree, ulong seed, ulong expected) =>
        Assert.Equal(expected, Checksum(ClassicNetworks.ErdosRenyi(n, meanDegree, seed)));

    /// <summary>FNV-1a over every agent's degree and neighbours in their stored order.</summary>
    internal static ulong Checksum(OrgGraph graph)
    {
        ulong hash = 14695981039346656037;
        void Add(int value)
        {
            hash = (hash ^ (uint)value) * 1099511628211;
        }

        for (int v = 0; v < graph.NodeCount; v++)
        {
            Add(graph.Degree(v));
            foreach (int u in graph.Neighbours(v))
            {
                Add(u);
            }
        }

        return hash;
    }
}
