using System.Globalization;
using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// The limits on what orgsim reads, each documented in docs/scenarios.md or docs/import.md, and the
/// check that a scenario whose values are each in range also fits together: the organisation's
/// edges fit in one array, and the results of every run fit in memory. Cheap: nothing is built.
/// </summary>
/// <remarks>
/// The input limits guard against files built to crash or exhaust the reader; each is far above
/// what a real scenario or HR export needs (the bundled scenarios are 1–3 KB, nest 6 levels, and
/// run at most 2,400 runs).
/// </remarks>
public static class ScenarioLimits
{
    /// <summary>The largest scenario file read: 1 MiB, a few hundred times the bundled ones.</summary>
    public const long MaxScenarioBytes = 1L << 20;

    /// <summary>The largest <c>run.json</c> read: 64 MiB. It lists every sweep point, so a sweep of 100,000 points needs several MiB.</summary>
    public const long MaxRunJsonBytes = 64L << 20;

    /// <summary>
    /// The largest HR export or edge list read: 1 GiB. An export of the largest employers (about two
    /// million people at 200 bytes a row) is under half of it; an edge list of 1 GiB holds about 50 million ties.
    /// </summary>
    public const long MaxImportBytes = 1L << 30;

    /// <summary>
    /// The largest observed survey read for calibration: 64 MiB. Weekly waves for four years, five
    /// competency rows each, for 1,000 units is about a million rows of under 60 bytes.
    /// </summary>
    public const long MaxObservedSurveyBytes = 64L << 20;

    /// <summary>The deepest nesting of lists and mappings in a scenario or a <c>--set</c> value: 64 (a scenario needs 6).</summary>
    public const int MaxNesting = 64;

    /// <summary>The most values (scalars, lists and mappings) that aliases may add to a scenario once written out: 100,000.</summary>
    public const int MaxAliasValues = 100_000;

    /// <summary>
    /// The most values (scalars, lists and mappings) one value of a sweep may hold: 1,000. A sweep value
    /// is a number, a name or a short list or mapping; every point repeats it in its messages and columns.
    /// </summary>
    public const int MaxSweepValueSize = 1_000;

    /// <summary>The longest scenario name, which names the output folder: 100 characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest arm name: 32 characters. It labels every chart's legend, heatmap column and slide title; longer, it squeezed the plots to nothing.</summary>
    public const int MaxArmNameLength = 32;

    /// <summary>The longest <c>title</c>: a heading, read on a projector.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest <c>question</c>: a few paragraphs.</summary>
    public const int MaxQuestionLength = 4_000;

    /// <summary>The most runs a scenario may plan: points × arms × replicates, 10 million.</summary>
    public const long MaxRuns = 10_000_000;

    /// <summary>
    /// The problem with planning <paramref name="points"/> × <paramref name="arms"/> × <paramref name="replicates"/>
    /// runs, or null if they are within <see cref="MaxRuns"/>.
    /// </summary>
    public static string? RunsProblem(long points, long arms, long replicates)
    {
        long runs = points * arms * replicates;
        return runs <= MaxRuns ? null : string.Create(CultureInfo.InvariantCulture,
            $"{points:N0} {(points == 1 ? "point" : "points")} × {arms:N0} {(arms == 1 ? "arm" : "arms")} × {replicates:N0} {(replicates == 1 ? "replicate" : "replicates")} = {runs:N0} runs; at most {MaxRuns:N0} runs are allowed, so lower replicates or split the sweep into several scenarios");
    }

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
        if (spec.Organisation.Kind == NetworkKind.Complete)
        {
            // It stores no edges, so the array limit below does not apply; it takes no overlays
            // (OrganisationReader refuses them), so its edges are exactly n(n − 1).
            long n = spec.Organisation.Agents;
            if (n > OrgGraph.MaxCompleteAgents)
            {
                errors.Add(scenario.ErrorAt("organisation.agents", string.Create(CultureInfo.InvariantCulture,
                    $"organisation: a complete network has at most {OrgGraph.MaxCompleteAgents:N0} agents; {n:N0} agents make n(n − 1) = {n * (n - 1):N0} directed edges, more than the {int.MaxValue:N0} it counts (it stores none of them); lower agents to at most {OrgGraph.MaxCompleteAgents:N0}")));
            }
        }
        else if (edges > MaxDirectedEdges)
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
