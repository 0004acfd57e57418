using System.Globalization;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Jobs;

/// <summary><c>orgsim validate</c>: every check <c>orgsim run</c> makes before running, with the same overrides, and nothing else; writes no file.</summary>
public static class ValidateJob
{
    /// <summary>Checks <paramref name="input"/>; warnings go to <paramref name="note"/>.</summary>
    public static JobOutcome Execute(ScenarioInput input, Action<string> note)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(note);
        var (loaded, errors) = input.Load();
        if (loaded is null)
        {
            return JobOutcome.Bad(errors);
        }

        foreach (string warning in loaded.Warnings)
        {
            note(warning);
        }

        IReadOnlyList<ScenarioError> preflight = Preflight.CheckAllPoints(loaded);
        return preflight.Count > 0 ? JobOutcome.Bad(preflight.Select(e => e.ToString())) : JobOutcome.Done(Summary(loaded));
    }

    /// <summary>The one-line summary of a valid scenario: what a run of it would do.</summary>
    private static string Summary(LoadedScenario loaded)
    {
        ScenarioSpec spec = loaded.Spec;
        int points = loaded.PointsOrBase.Count;
        long runs = (long)points * spec.Arms.Count * spec.Replicates;
        string sweep = loaded.Sensitivity is { } design
            ? $"a {(design.Method == Sensitivity.SensitivityMethod.Morris ? "Morris" : "Sobol'")} design of {Count(points, "point")} x "
            : points > 1 ? $"{Count(points, "point")} x " : string.Empty;
        return $"{loaded.ReadFrom} is valid: {sweep}{Count(spec.Arms.Count, "arm")} x {Count(spec.Replicates, "replicate")} = " +
            $"{Count(runs, "run")} of {Count(spec.HorizonWeeks, "week")} on {Count(spec.Organisation.Agents, "agent")}.";
    }

    private static string Count(long n, string noun) =>
        n.ToString("N0", CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun + "s");
}
