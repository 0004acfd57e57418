using OrgSim.Core.Graph;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Tests.Running;

public class OrganisationCacheTests
{
    private static readonly OrganisationSpec Spec = new() { Hierarchy = new HierarchyOptions { Agents = 50, Span = 5, CrossTeamTiesPerAgent = 2 } };

    [Fact]
    public void Take_GivesTheHeldOrganisationOnceAndThenGeneratesAnEqualOne()
    {
        var cache = new OrganisationCache();
        OrgGraph held = cache.BuildAndHold(Spec, seed: 7);

        OrgGraph first = cache.Take(Spec with { }, seed: 7);
        OrgGraph second = cache.Take(Spec, seed: 7);

        Assert.Same(held, first);
        Assert.NotSame(held, second);
        Assert.Equal(Ties(held), Ties(second));
    }

    [Fact]
    public void Take_OfAnotherSeedOrSpecGeneratesItAndLetsTheHeldOneGo()
    {
        var cache = new OrganisationCache();
        OrgGraph held = cache.BuildAndHold(Spec, seed: 7);

        OrgGraph other = cache.Take(Spec, seed: 8);
        OrgGraph again = cache.Take(Spec, seed: 7);
        cache.BuildAndHold(Spec, seed: 7);
        OrgGraph larger = cache.Take(Spec with { Hierarchy = Spec.Hierarchy with { Agents = 60 } }, seed: 7);

        Assert.NotEqual(Ties(held), Ties(other));
        Assert.NotSame(held, again);
        Assert.Equal(60, larger.NodeCount);
    }

    [Fact]
    public void Release_LetsTheHeldOrganisationGo()
    {
        var cache = new OrganisationCache();
        OrgGraph held = cache.BuildAndHold(Spec, seed: 7);

        cache.Release();

        Assert.NotSame(held, cache.Take(Spec, seed: 7));
    }

    private static List<(int, int)> Ties(OrgGraph graph) =>
        Enumerable.Range(0, graph.NodeCount).SelectMany(v => graph.Neighbours(v).ToArray().Select(u => (v, u))).ToList();
}
