using System.Globalization;
using OrgSim.Core.Agents;
using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// Checks that a scenario whose values are each in range also fits together: the organisation's
/// edges fit in one array, and the results of every run fit in memory. Cheap: nothing is built.
/// </summary>
public static class ScenarioLimits
{
    /// <summary>The most directed edges one graph can hold (.NET's largest array).</summary>
    public static long MaxDirectedEdges => Array.MaxLength;

    /// <summary>The most bytes of stage counts a run of the whole scenario may hold in memory: 2 GiB.</summary>
    public const long MaxResultBytes = 2L << 30;

    /// <summary>Bytes of stage counts held for all runs: runs × (horizon + 1) × 16 counts × 4 bytes.</summary>
    public static long ResultBytes(ScenarioSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return (long)spec.Arms.Count * spec.Replicates * (spec.HorizonWeeks + 1L) * Competencies.Count * Stages.Count * sizeof(int);
    }

    /// <summary>The problems, located at the keys to change.</summary>
    public static IReadOnlyList<ScenarioError> Check(LoadedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ScenarioSpec spec = scenario.Spec;
        var errors = new List<ScenarioError>();
        long edges = OrganisationFactory.DirectedEdges(spec.Organisation);
        if (edges > MaxDirectedEdges)
        {
            string path = spec.Organisation.Kind == NetworkKind.Hierarchy ? "organisation.span" : "organisation.agents";
            errors.Add(scenario.ErrorAt(path, string.Create(CultureInfo.InvariantCulture,
                $"organisation: this {ScenarioNames.Name(spec.Organisation.Kind)} of {spec.Organisation.Agents:N0} agents makes {edges:N0} directed edges; at most {MaxDirectedEdges:N0} fit, so lower the agents or the ties per agent")));
        }

        long bytes = ResultBytes(spec);
        if (bytes > MaxResultBytes)
        {
            errors.Add(scenario.ErrorAt("replicates", string.Create(CultureInfo.InvariantCulture,
                $"replicates: {spec.Arms.Count} arms x {spec.Replicates:N0} replicates x {spec.HorizonWeeks + 1:N0} weeks of results need {bytes / 1e9:F1} GB of memory; at most {MaxResultBytes / 1e9:F1} GB is allowed, so lower replicates or horizon_weeks")));
        }

        return errors;
    }
}
