using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Running;

/// <summary>
/// The runs one invocation is responsible for: all of a scenario's, a shard's, or those picked by
/// <c>--only</c>, in canonical order. The plan is a rule, not a list: a scenario may have millions
/// of runs, and they are enumerated as they are needed, never held.
/// </summary>
public sealed class RunPlan
{
    private readonly ShardSpec _shard;
    private readonly RunSelection? _only;

    private RunPlan(LoadedScenario scenario, ShardSpec shard, RunSelection? only)
    {
        Scenario = scenario;
        _shard = shard;
        _only = only;
        Count = shard.Count == 1 && only is null ? TotalInScenario : Runs.LongCount();
    }

    /// <summary>The scenario with its points.</summary>
    public LoadedScenario Scenario { get; }

    /// <summary>The planned runs, in canonical order (point, arm, replicate), enumerated afresh each time.</summary>
    public IEnumerable<RunCoordinates> Runs
    {
        get
        {
            int points = Scenario.PointsOrBase.Count, arms = Scenario.Spec.Arms.Count, replicates = Scenario.Spec.Replicates;
            for (int p = 0; p < points; p++)
            {
                for (int a = 0; a < arms; a++)
                {
                    for (int r = 0; r < replicates; r++)
                    {
                        var run = new RunCoordinates(p, a, r);
                        if (Planned(run, arms, replicates))
                        {
                            yield return run;
                        }
                    }
                }
            }
        }
    }

    /// <summary>How many runs are planned.</summary>
    public long Count { get; }

    /// <summary>Every run of the scenario: points × arms × replicates.</summary>
    public long TotalInScenario => (long)Scenario.PointsOrBase.Count * Scenario.Spec.Arms.Count * Scenario.Spec.Replicates;

    /// <summary>The runs of <paramref name="scenario"/> that <paramref name="shard"/> owns and <paramref name="only"/> selects.</summary>
    public static RunPlan For(LoadedScenario scenario, ShardSpec shard, RunSelection? only = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new RunPlan(scenario, shard, only);
    }

    /// <summary>
    /// The planned runs grouped by point and replicate, each group's arms in order: the runs that
    /// share one organisation. Points, then replicates, in order; empty groups are left out.
    /// </summary>
    public IEnumerable<IReadOnlyList<RunCoordinates>> Groups()
    {
        int points = Scenario.PointsOrBase.Count, arms = Scenario.Spec.Arms.Count, replicates = Scenario.Spec.Replicates;
        for (int p = 0; p < points; p++)
        {
            for (int r = 0; r < replicates; r++)
            {
                List<RunCoordinates>? group = null;
                for (int a = 0; a < arms; a++)
                {
                    var run = new RunCoordinates(p, a, r);
                    if (Planned(run, arms, replicates))
                    {
                        (group ??= new List<RunCoordinates>(arms)).Add(run);
                    }
                }

                if (group is not null)
                {
                    yield return group;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="run"/> is one of the planned runs.</summary>
    public bool Contains(RunCoordinates run) =>
        run.Point >= 0 && run.Point < Scenario.PointsOrBase.Count && run.Arm >= 0 && run.Arm < Scenario.Spec.Arms.Count
        && run.Replicate >= 0 && run.Replicate < Scenario.Spec.Replicates && Planned(run, Scenario.Spec.Arms.Count, Scenario.Spec.Replicates);

    private bool Planned(RunCoordinates run, int arms, int replicates) =>
        _shard.Owns(run.CanonicalIndex(arms, replicates)) && (_only is null || _only.Selects(run, Scenario));
}
