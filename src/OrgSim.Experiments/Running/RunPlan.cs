using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Running;

/// <summary>The runs one invocation is responsible for: all of a scenario's, a shard's, or those picked by <c>--only</c>, in canonical order.</summary>
public sealed class RunPlan
{
    private RunPlan(LoadedScenario scenario, IReadOnlyList<RunCoordinates> runs)
    {
        Scenario = scenario;
        Runs = runs;
    }

    /// <summary>The scenario with its points.</summary>
    public LoadedScenario Scenario { get; }

    /// <summary>The planned runs, in canonical order.</summary>
    public IReadOnlyList<RunCoordinates> Runs { get; }

    /// <summary>Every run of the scenario: points × arms × replicates.</summary>
    public long TotalInScenario => (long)Scenario.PointsOrBase.Count * Scenario.Spec.Arms.Count * Scenario.Spec.Replicates;

    /// <summary>The runs of <paramref name="scenario"/> that <paramref name="shard"/> owns and <paramref name="only"/> selects.</summary>
    public static RunPlan For(LoadedScenario scenario, ShardSpec shard, RunSelection? only = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        int arms = scenario.Spec.Arms.Count, replicates = scenario.Spec.Replicates;
        var runs = new List<RunCoordinates>();
        for (int p = 0; p < scenario.PointsOrBase.Count; p++)
        {
            for (int a = 0; a < arms; a++)
            {
                for (int r = 0; r < replicates; r++)
                {
                    var run = new RunCoordinates(p, a, r);
                    if (shard.Owns(run.CanonicalIndex(arms, replicates)) && (only is null || only.Selects(run, scenario)))
                    {
                        runs.Add(run);
                    }
                }
            }
        }

        return new RunPlan(scenario, runs);
    }
}
