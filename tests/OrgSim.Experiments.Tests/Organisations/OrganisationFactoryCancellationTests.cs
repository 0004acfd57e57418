using OrgSim.Core.Graph;
using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Tests.Organisations;

/// <summary>The run's token reaches every generator the factory calls.</summary>
public class OrganisationFactoryCancellationTests
{
    [Theory]
    [InlineData(NetworkKind.Hierarchy)]
    [InlineData(NetworkKind.Teams)]
    [InlineData(NetworkKind.Ring)]
    [InlineData(NetworkKind.Grid)]
    [InlineData(NetworkKind.ErdosRenyi)]
    [InlineData(NetworkKind.WattsStrogatz)]
    [InlineData(NetworkKind.BarabasiAlbert)]
    public void Build_WithACancelledToken_StopsTheGenerator(NetworkKind kind)
    {
        var spec = new OrganisationSpec { Kind = kind, Hierarchy = new HierarchyOptions { Agents = 400, CrossTeamTiesPerAgent = 1 } };
        Assert.ThrowsAny<OperationCanceledException>(() => OrganisationFactory.Build(spec, 5, new CancellationToken(canceled: true)));
        using var source = new CancellationTokenSource();
        Assert.Equal(OrganisationFactory.Build(spec, 5).EdgeCount, OrganisationFactory.Build(spec, 5, source.Token).EdgeCount);
    }
}
