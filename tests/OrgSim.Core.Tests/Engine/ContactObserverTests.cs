using System.Runtime.Intrinsics;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;
using OrgSim.Core.Randomness;

namespace OrgSim.Core.Tests.Engine;

public class ContactObserverTests
{
    private static readonly OrgGraph Graph = TestOrganisations.Hierarchy(3_000, 12, 4.0);

    private static readonly ModelParameters Parameters = new()
    {
        Transmission = 0.3,
        Relationships = new Relationships { Manager = new(2, 1), Report = new(0.5, 0.5), TeamPeer = new(1, 3), CrossTeam = new(0.4, 0.25) },
    };

    [Fact]
    public void Observe_MatchesANaiveProductAndSumOverDeployingContacts()
    {
        var observer = new ContactObserver(Graph, Parameters);
        byte[] signals = RandomSignals(Graph.NodeCount, seed: 1);
        for (int v = 0; v < Graph.NodeCount; v += 7)
        {
            int needs = v % 16;
            observer.Observe(v, needs, signals, out Vector256<double> keep, out Vector256<double> exposure);
            for (int c = 0; c < 4; c++)
            {
                double expectedKeep = 1, expectedExposure = 0;
                for (int i = 0; i < Graph.Degree(v); i++)
                {
                    int u = Graph.Neighbours(v)[i];
                    if ((needs & signals[u] & (1 << c)) != 0)
                    {
                        double strength = Parameters.Relationships.For(Graph.EdgeTypesOf(v)[i]).Strength;
                        expectedKeep *= 1 - Math.Min(1, Parameters.Transmission * strength);
                        expectedExposure += strength;
                    }
                }

                Assert.Equal(expectedKeep, keep.GetElement(c), 12);
                Assert.Equal(expectedExposure, exposure.GetElement(c), 12);
            }
        }
    }

    [Fact]
    public void CountingAndEdgeByEdgePathsAgree()
    {
        var observer = new ContactObserver(Graph, Parameters);
        byte[] signals = RandomSignals(Graph.NodeCount, seed: 2);
        for (int v = 0; v < Graph.NodeCount; v++)
        {
            observer.ObserveByCounting(v, 0b1111, signals, out var keepA, out var exposureA);
            observer.ObserveEdgeByEdge(v, 0b1111, signals, out var keepB, out var exposureB);
            for (int c = 0; c < 4; c++)
            {
                Assert.Equal(keepB.GetElement(c), keepA.GetElement(c), 12);
                Assert.Equal(exposureB.GetElement(c), exposureA.GetElement(c), 12);
            }
        }
    }

    [Fact]
    public void Observe_WithNothingNeededSeesNothing()
    {
        var observer = new ContactObserver(Graph, Parameters);
        byte[] signals = Enumerable.Repeat((byte)0xFF, Graph.NodeCount).ToArray();
        observer.Observe(5, 0, signals, out var keep, out var exposure);
        Assert.Equal(Vector256<double>.One, keep);
        Assert.Equal(Vector256<double>.Zero, exposure);
    }

    private static byte[] RandomSignals(int n, ulong seed) =>
        Enumerable.Range(0, n).Select(i => (byte)CounterRng.Below(seed, (ulong)i, 256)).ToArray();
}
