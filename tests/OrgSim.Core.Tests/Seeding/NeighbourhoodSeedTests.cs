using OrgSim.Core.Graph;
using OrgSim.Core.Seeding;

namespace OrgSim.Core.Tests.Seeding;

public class NeighbourhoodSeedTests
{
    private static readonly OrgGraph Ring = ClassicNetworks.RingLattice(30, 2);

    [Fact]
    public void Neighbourhood_IsTheCentreAndItsContacts()
    {
        Assert.Equal([0, 1, 29], SeedSelector.Neighbourhood(Ring, 0));
        Assert.Equal([8, 9, 10], SeedSelector.Neighbourhood(Ring, 9));
        Assert.Equal([7, 8, 9, 10, 11], SeedSelector.Neighbourhood(ClassicNetworks.RingLattice(30, 4), 9));
    }

    [Fact]
    public void Neighbourhood_OnAHierarchy_IsTheCentreUnionItsNeighbours()
    {
        OrgGraph graph = TestOrganisations.Hierarchy(300, 6);
        int centre = 17;
        int[] expected = [.. graph.Neighbours(centre).ToArray().Append(centre).Distinct().Order()];
        Assert.Equal(expected, SeedSelector.Neighbourhood(graph, centre));
        Assert.Equal(expected, SeedSelector.Select(graph, new SeedingPlan(SeedingStrategy.Neighbourhood, 1, Agents.CompetencySet.All, Centre: centre), 99));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(30)]
    public void Neighbourhood_RefusesACentreOutsideTheGraph(int centre) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SeedSelector.Neighbourhood(Ring, centre));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void RandomNeighbourhoods_OnARing_SeedsTheUnionOfTheCentresNeighbourhoods(int k)
    {
        int[] centres = SeedSelector.NeighbourhoodCentres(Ring, k, 5);
        Assert.Equal(k, centres.Distinct().Count());

        // On a ring of degree 2 the neighbourhood of c is c − 1, c, c + 1: count the covered positions.
        var covered = new bool[30];
        foreach (int c in centres)
        {
            covered[(c + 29) % 30] = covered[c] = covered[(c + 1) % 30] = true;
        }

        int[] seeds = SeedSelector.Select(Ring, SeedingStrategy.RandomNeighbourhoods, k, 5);
        Assert.Equal(covered.Count(b => b), seeds.Length);
        Assert.Equal(centres.SelectMany(c => SeedSelector.Neighbourhood(Ring, c)).Distinct().Order(), seeds);
        Assert.InRange(seeds.Length, k + 2, 3 * k);
    }

    [Fact]
    public void RandomNeighbourhoods_WithEveryAgentACentre_SeedsEachAgentOnce()
    {
        // Every neighbourhood overlaps two others; the union is the ring, with no agent twice.
        Assert.Equal(Enumerable.Range(0, 30), SeedSelector.Select(Ring, SeedingStrategy.RandomNeighbourhoods, 30, 5));
    }

    [Fact]
    public void RandomNeighbourhoods_IsDeterministicPerSeed()
    {
        OrgGraph ring = ClassicNetworks.RingLattice(1_000, 4);
        int[] first = SeedSelector.Select(ring, SeedingStrategy.RandomNeighbourhoods, 10, 42);
        Assert.Equal(first, SeedSelector.Select(ring, SeedingStrategy.RandomNeighbourhoods, 10, 42));
        Assert.NotEqual(first, SeedSelector.Select(ring, SeedingStrategy.RandomNeighbourhoods, 10, 43));
        Assert.Equal(first.Order(), first);
    }
}
