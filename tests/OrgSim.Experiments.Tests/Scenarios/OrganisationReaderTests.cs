using OrgSim.Core.Graph;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

public class OrganisationReaderTests
{
    private const string Arm = "arms: [{name: a, seeding: {strategy: random, budget: 2}}]";

    [Fact]
    public void Parse_ReadsTheRichHierarchyAndItsOverlays()
    {
        const string text = """
            organisation:
              generator: hierarchy
              agents: 2000
              span: {min: 4, max: 10}
              functions: 4
              sites: 3
              remote_share: 0.15
              remote_tie_weight: 0.4
              cross_function_share: 0.3
              overlays:
                mentoring: {mentee_share: 0.25, mentees_per_mentor: {min: 2, max: 4}, life_coach: true}
                coaches: {count: 4, clients_per_coach: 6}
                quality_circles: {size: 5}
                matrix: {dotted_line_share: 0.1}
                skip_level_meetings: true
            """;
        OrganisationSpec o = ScenarioLoader.Parse(text + "\n" + Arm, "o.yaml").Spec.Organisation;
        Assert.Equal((4, 10), (o.Hierarchy.Span, o.Hierarchy.SpanMax));
        Assert.Equal((4, 3, 0.15, 0.4, 0.3), (o.Hierarchy.Functions, o.Hierarchy.Sites, o.Hierarchy.RemoteShare, o.Hierarchy.RemoteTieWeight, o.Hierarchy.CrossFunctionShare!.Value));
        Assert.Equal((0.25, 2, 4, true), (o.Overlays.MenteeShare, o.Overlays.PodMin, o.Overlays.PodMax, o.Overlays.LifeCoach));
        Assert.Equal((4, 6, 5, 0.1, true), (o.Overlays.ExternalCoaches, o.Overlays.ClientsPerCoach, o.Overlays.CircleSize, o.Overlays.DottedLineShare, o.Overlays.SkipLevelMeetings));
        Assert.Equal(2_005, o.TotalAgents);

        OrgGraph graph = OrganisationFactory.Build(o, seed: 1);
        Assert.Equal(2_005, graph.NodeCount);
        Assert.True(OrganisationFactory.DirectedEdges(o) >= graph.EdgeCount, "the edge estimate must bound the real count");
    }

    [Fact]
    public void Parse_HierarchyByDepth_SetsTheAgents()
    {
        OrganisationSpec o = ScenarioLoader.Parse("organisation: {span: 5, levels: 4}\n" + Arm, "o.yaml").Spec.Organisation;
        Assert.Equal(1 + 5 + 25 + 125, o.Agents);
    }

    [Fact]
    public void Parse_ReadsTheFlatTeamNetwork()
    {
        OrganisationSpec o = ScenarioLoader.Parse("organisation: {generator: teams, agents: 300, team_size: 6, cross_team_ties_per_agent: 3}\n" + Arm, "o.yaml").Spec.Organisation;
        Assert.Equal((NetworkKind.Teams, 300, 6, 3.0), (o.Kind, o.Agents, o.TeamSize, o.Hierarchy.CrossTeamTiesPerAgent));
        Assert.Equal(50, OrganisationFactory.Build(o, seed: 2).TeamCount);
    }

    [Theory]
    [InlineData("organisation: {span: 5, levels: 4, agents: 100}", "organisation.levels and organisation.agents both set the size; give only one")]
    [InlineData("organisation: {span: {min: 4, max: 10}, levels: 3}", "organisation.levels needs a fixed span")]
    [InlineData("organisation: {span: {min: 6, max: 4}}", "organisation.span.max is 4, below span.min 6; give max ≥ min")]
    [InlineData("organisation: {generator: teams, span: 4}", "organisation.span does not apply to generator teams; remove it")]
    [InlineData("organisation: {generator: ring, functions: 4}", "organisation.functions does not apply to generator ring; remove it")]
    [InlineData("organisation: {span: 3, functions: 10}", "organisation.functions is 10, but the chief has only 3 direct reports to head them")]
    [InlineData("organisation: {remote_tie_weight: 0}", "organisation.remote_tie_weight is 0; must be in range [0.001, 1]")]
    [InlineData("organisation: {overlays: {quality_circles: {size: 5}}}", "quality_circles are drawn across mentoring pods; add organisation.overlays.mentoring")]
    [InlineData("organisation: {overlays: {mentoring: {mentee_share: 0.95}}}", "organisation.overlays.mentoring.mentee_share is 0.95; must be in range [0, 0.9]")]
    [InlineData("organisation: {overlays: {coach: {count: 3}}}", "unknown key 'coach' in organisation.overlays; did you mean 'coaches'?")]
    public void Parse_ReportsOrganisationMistakesOnTheirLine(string organisation, string expected)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(organisation + "\n" + Arm, "o.yaml"));
        Assert.Contains(error.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal) && e.Line == 1);
    }

    /// <summary>The one line a complete network with overlays gets, at the overlays key.</summary>
    private const string NoOverlaysOnComplete =
        "organisation.overlays do not apply to generator complete: every agent already meets every other, so pods, circles, " +
        "skip-level and dotted-line ties would add no tie, and coaches would leave it no longer complete; remove organisation.overlays, or use another generator";

    [Theory]
    [InlineData("mentoring: {mentee_share: 0.3}")]
    [InlineData("mentoring: {life_coach: true}")]
    [InlineData("coaches: {count: 2}")]
    [InlineData("matrix: {dotted_line_share: 0.2}")]
    [InlineData("skip_level_meetings: true")]
    [InlineData("skip_level_meetings: false")]
    public void Parse_RefusesOverlaysOnACompleteNetworkAtTheOverlaysKey(string overlay)
    {
        // Building them copied every one of the n(n − 1) implicit edges into a builder: 46,000 agents grew to 19.6 GB.
        string text = $"name: c\norganisation:\n  generator: complete\n  agents: 200\n  overlays:\n    {overlay}\n{Arm}";
        ScenarioError error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "c.yaml")).Errors);
        Assert.Equal($"c.yaml:5:3: {NoOverlaysOnComplete}", error.ToString());
    }

    [Fact]
    public void Parse_RefusesOverlaysOnTheLargestCompleteNetworkRatherThanCountingEdgesTheyWouldNotAdd()
    {
        // Before, the limit check added the overlays' upper bound to the n(n − 1) edges and refused 46,341 agents with skip-level meetings for 2,147,534,622 edges.
        string text = $"organisation: {{generator: complete, agents: 46341, overlays: {{skip_level_meetings: true}}}}\n{Arm}";
        ScenarioError error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "c.yaml")).Errors);
        Assert.Equal(NoOverlaysOnComplete, error.Message);
    }

    [Fact]
    public void Parse_RefusesOverlaysOnTheSweepPointsThatMakeTheNetworkComplete()
    {
        string text = $"organisation:\n  agents: 200\n  overlays: {{mentoring: {{mentee_share: 0.3}}}}\nsweep:\n  grid:\n    organisation.generator: [hierarchy, complete]\n{Arm}";
        ScenarioError error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "c.yaml")).Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal($"sweep point 1 (organisation.generator=complete): {NoOverlaysOnComplete}", error.Message);
    }
}
