using OrgSim.Core.Graph;

namespace OrgSim.Core.Tests;

/// <summary>Small organisations shared by the tests.</summary>
internal static class TestOrganisations
{
    public static OrgGraph Hierarchy(int agents = 1_000, int span = 8, double crossTeam = 2.0, ulong seed = 7) =>
        HierarchyGenerator.Generate(new HierarchyOptions { Agents = agents, Span = span, CrossTeamTiesPerAgent = crossTeam }, seed);
}
