using OrgSim.Core.Graph;
using OrgSim.Experiments.Export;
using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Tests.Export;

public class ExportLimitsTests
{
    [Fact]
    public void MaxCompleteAgents_IsTheLargestCompleteNetworkWithinTheTieLimit()
    {
        Assert.True(ExportLimits.CompleteTies(ExportLimits.MaxCompleteAgents) <= ExportLimits.MaxCompleteTies);
        Assert.True(ExportLimits.CompleteTies(ExportLimits.MaxCompleteAgents + 1) > ExportLimits.MaxCompleteTies);
        Assert.Equal(1_073_720_970, ExportLimits.CompleteTies(46_341));
        Assert.Equal(0, ExportLimits.CompleteTies(1));
    }

    [Theory]
    [InlineData("edges")]
    [InlineData("graphml")]
    [InlineData("gexf")]
    [InlineData("dot")]
    public void Problem_RefusesACompleteNetworkJustAboveTheLimit_InEveryFormat(string format)
    {
        Assert.Null(ExportLimits.Problem(Complete(ExportLimits.MaxCompleteAgents), format));
        string? problem = ExportLimits.Problem(Complete(ExportLimits.MaxCompleteAgents + 1), format);
        Assert.NotNull(problem);
        Assert.Contains("10,001,628 ties", problem, StringComparison.Ordinal);
        Assert.Contains("--format " + format, problem, StringComparison.Ordinal);
        Assert.Contains("--stats", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_LeavesOtherGeneratorsAlone_WhateverTheirSize()
    {
        var ring = new OrganisationSpec { Kind = NetworkKind.Ring, Hierarchy = new HierarchyOptions { Agents = 10_000_000 }, Degree = 4 };
        Assert.Null(ExportLimits.Problem(ring, "graphml"));
        Assert.Null(ExportLimits.Problem(new OrganisationSpec { Hierarchy = new HierarchyOptions { Agents = 10_000_000 } }, "edges"));
    }

    private static OrganisationSpec Complete(int agents) =>
        new() { Kind = NetworkKind.Complete, Hierarchy = new HierarchyOptions { Agents = agents } };
}
