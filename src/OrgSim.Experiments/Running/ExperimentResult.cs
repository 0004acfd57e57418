using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Running;

/// <summary>Every run of a scenario, ordered by arm (as in the file) then replicate.</summary>
/// <param name="Scenario">The scenario that was run, after command-line overrides.</param>
/// <param name="Runs">The runs.</param>
public sealed record ExperimentResult(ScenarioSpec Scenario, IReadOnlyList<RunResult> Runs);
