using System.Globalization;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim validate</c>: every check <c>orgsim run</c> makes before running, and nothing else; writes no file.</summary>
public static class ValidateCommand
{
    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(ValidateOptions options, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        LoadedScenario loaded;
        try
        {
            loaded = ScenarioLoader.Load(options.Scenario);
        }
        catch (ScenarioException e)
        {
            return Fail(stderr, e.Errors);
        }

        foreach (string warning in loaded.Warnings)
        {
            stderr.WriteLine(warning);
        }

        List<ScenarioError> preflight = loaded.PointsOrBase.SelectMany(p => ExperimentRunner.Preflight(loaded with { Spec = p.Spec })).DistinctBy(e => e.ToString()).ToList();
        if (preflight.Count > 0)
        {
            return Fail(stderr, preflight);
        }

        stdout.WriteLine(Summary(loaded));
        return ExitCodes.Success;
    }

    /// <summary>The one-line summary of a valid scenario: what a run of it would do.</summary>
    private static string Summary(LoadedScenario loaded)
    {
        ScenarioSpec spec = loaded.Spec;
        int points = loaded.PointsOrBase.Count;
        long runs = (long)points * spec.Arms.Count * spec.Replicates;
        string sweep = points > 1 ? $"{Count(points, "point")} x " : string.Empty;
        return $"{loaded.File} is valid: {sweep}{Count(spec.Arms.Count, "arm")} x {Count(spec.Replicates, "replicate")} = " +
            $"{Count(runs, "run")} of {Count(spec.HorizonWeeks, "week")} on {Count(spec.Organisation.Agents, "agent")}.";
    }

    private static string Count(long n, string noun) =>
        n.ToString("N0", CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun + "s");

    private static int Fail(TextWriter stderr, IEnumerable<ScenarioError> errors)
    {
        foreach (ScenarioError error in errors)
        {
            stderr.WriteLine(error.ToString());
        }

        return ExitCodes.BadInput;
    }
}
