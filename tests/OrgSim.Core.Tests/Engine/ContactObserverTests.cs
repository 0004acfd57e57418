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
            observer.Observe(v, needs, signals, out Vector256<double> keep, out Vector256<double> exposure, out Vector256<double> count, out double feedforward);
            double expectedFeedforward = 0;
            for (int c = 0; c < 4; c++)
            {
                double expectedKeep = 1, expectedExposure = 0, expectedCount = 0;
                for (int i = 0; i < Graph.Degree(v); i++)
                {
                    int u = Graph.Neighbours(v)[i];
                    if (c == 0 && (signals[u] & (1 << ContactObserver.FeedforwardBit)) != 0)
                    {
                        expectedFeedforward += Parameters.Relationships.For(Graph.EdgeTypesOf(v)[i]).Strength;
                    }

                    if ((needs & signals[u] & (1 << c)) != 0)
                    {
                        var relationship = Parameters.Relationships.For(Graph.EdgeTypesOf(v)[i]);
                        double hitPerInteraction = Math.Min(1, Parameters.Transmission * relationship.Weight);
                        expectedKeep *= Math.Pow(1 - hitPerInteraction, relationship.InteractionsPerWeek);
                        expectedExposure += relationship.Weight * relationship.InteractionsPerWeek;
                        expectedCount++;
                    }
                }

                Assert.Equal(expectedKeep, keep.GetElement(c), 12);
                Assert.Equal(expectedExposure, exposure.GetElement(c), 12);
                Assert.Equal(expectedCount, count.GetElement(c));
            }

            Assert.Equal(expectedFeedforward, feedforward, 12);
        }
    }

    [Fact]
    public void CountingAndEdgeByEdgePathsAgree()
    {
        var observer = new ContactObserver(Graph, Parameters);
        byte[] signals = RandomSignals(Graph.NodeCount, seed: 2);
        for (int v = 0; v < Graph.NodeCount; v++)
        {
            observer.ObserveByCounting(v, 0b1111, signals, out var keepA, out var exposureA, out var countA, out double feedforwardA);
            observer.ObserveEdgeByEdge(v, 0b1111, signals, out var keepB, out var exposureB, out var countB, out double feedforwardB);
            for (int c = 0; c < 4; c++)
            {
                Assert.Equal(keepB.GetElement(c), keepA.GetElement(c), 12);
                Assert.Equal(exposureB.GetElement(c), exposureA.GetElement(c), 12);
                Assert.Equal(countB.GetElement(c), countA.GetElement(c));
                Assert.Equal(feedforwardB, feedforwardA, 12);
            }
        }
    }

    [Fact]
    public void Observe_OnAWeightedGraphScalesEachContactByItsEdgeWeight()
    {
        // Agent 0 sees three team peers with edge weights 1, 0.5 and 0.25, all deploying competency 0.
        OrgGraph weighted = new OrgGraphBuilder(4)
            .AddTie(0, 1, EdgeType.TeamPeer, 1f).AddTie(0, 2, EdgeType.TeamPeer, 0.5f).AddTie(0, 3, EdgeType.TeamPeer, 0.25f)
            .Build();
        var observer = new ContactObserver(weighted, Parameters);
        observer.Observe(0, 0b0001, [0, 1, 1, 1], out var keep, out var exposure, out var count, out double feedforward);
        Relationship peer = Parameters.Relationships.TeamPeer;
        double expectedKeep = 1;
        foreach (double m in new[] { 1, 0.5, 0.25 })
        {
            expectedKeep *= 1 - ContactObserver.Hit(Parameters.Transmission, peer.Weight * m, peer.InteractionsPerWeek);
        }

        Assert.Equal(expectedKeep, keep.GetElement(0), 12);
        Assert.Equal(peer.Strength * 1.75, exposure.GetElement(0), 12);
        Assert.Equal(3.0, count.GetElement(0));
        Assert.Equal(1.0, keep.GetElement(1));
    }

    [Fact]
    public void Observe_WithNothingNeededSeesNothing()
    {
        var observer = new ContactObserver(Graph, Parameters);
        byte[] signals = Enumerable.Repeat((byte)0xFF, Graph.NodeCount).ToArray();
        observer.Observe(5, 0, signals, out var keep, out var exposure, out var count, out double feedforward);
        Assert.Equal(Vector256<double>.One, keep);
        Assert.Equal(Vector256<double>.Zero, exposure);
        Assert.Equal(Vector256<double>.Zero, count);
    }

    [Theory]
    [InlineData(0.15, 1.0, 1.0, 0.15)]
    [InlineData(0.15, 1.0, 5.0, 0.556295)] // 1 − 0.85⁵: five daily chances in a week
    [InlineData(0.15, 1.0, 0.0, 0.0)]
    [InlineData(1.0, 1.0, 1.0, 1.0)]
    [InlineData(0.5, 4.0, 0.25, 1.0)] // β·w capped at 1: any interaction transmits
    public void Hit_CompoundsIndependentInteractions(double beta, double weight, double interactions, double expected) =>
        Assert.Equal(expected, ContactObserver.Hit(beta, weight, interactions), 6);

    private static byte[] RandomSignals(int n, ulong seed) =>
        Enumerable.Range(0, n).Select(i => (byte)CounterRng.Below(seed, (ulong)i, 256)).ToArray();
}
