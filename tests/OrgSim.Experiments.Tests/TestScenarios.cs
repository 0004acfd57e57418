using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests;

internal static class TestScenarios
{
    /// <summary>A small two-arm scenario that runs in milliseconds.</summary>
    public static LoadedScenario Small(int agents = 300, int replicates = 4, int horizon = 30, ulong seed = 5) =>
        ScenarioLoader.Parse(SmallText(agents, replicates, horizon, seed), "small.yaml");

    /// <summary>The text of <see cref="Small"/>.</summary>
    public static string SmallText(int agents = 300, int replicates = 4, int horizon = 30, ulong seed = 5) =>
            $$"""
            name: small
            seed: {{seed}}
            horizon_weeks: {{horizon}}
            replicates: {{replicates}}
            organisation: {agents: {{agents}}, span: 6, cross_team_ties_per_agent: 2}
            arms:
              - name: top-down
                seeding: {strategy: top-down, budget: 20}
              - name: bottom-up
                seeding: {strategy: bottom-up-scattered, budget: 20}
            """;
}
