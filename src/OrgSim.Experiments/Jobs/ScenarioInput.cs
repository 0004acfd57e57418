using System.Globalization;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Jobs;

/// <summary>
/// A scenario as the command line names it: the file and the overrides given with it
/// (<c>--set</c>, <c>--seed</c>, <c>--replicates</c>). Every command that reads a scenario loads it
/// through <see cref="Load"/>, so they all accept and check the same overrides.
/// </summary>
/// <param name="File">The scenario file.</param>
/// <param name="Sets">The <c>--set path=value</c> arguments, as typed.</param>
/// <param name="Seed">The <c>--seed</c>, if given.</param>
/// <param name="Replicates">The <c>--replicates</c>, if given.</param>
public sealed record ScenarioInput(string File, IReadOnlyList<string> Sets, ulong? Seed = null, int? Replicates = null)
{
    /// <summary>Loads and validates the scenario with its overrides; on failure, every problem as one line.</summary>
    /// <param name="command">The command's name for messages not about the file (e.g. "orgsim").</param>
    public (LoadedScenario? Scenario, IReadOnlyList<string> Errors) Load(string command = "orgsim")
    {
        var problems = new List<string>();
        var sets = new List<ScenarioOverride>();
        foreach (string argument in Sets)
        {
            var (set, error) = ScenarioOverride.FromSet(argument);
            if (error is not null)
            {
                problems.Add($"{command}: {error}");
            }
            else
            {
                sets.Add(set!);
            }
        }

        if (Seed is { } seed)
        {
            sets.Add(ScenarioOverride.FromSet($"seed={seed.ToString(CultureInfo.InvariantCulture)}").Override!);
        }

        if (Replicates is { } replicates)
        {
            if (replicates is < 1 or > ScenarioSpec.MaxReplicates)
            {
                problems.Add($"{command}: --replicates is {replicates}; must be in range [1, {ScenarioSpec.MaxReplicates}]");
            }
            else
            {
                sets.Add(ScenarioOverride.FromSet($"replicates={replicates.ToString(CultureInfo.InvariantCulture)}").Override!);
            }
        }

        // --seed is --set seed=N: two values for one key is a mistake to point out, not a precedence to guess.
        if (sets.GroupBy(s => s.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            string by = twice.Key is "seed" or "replicates" ? $"by --set or --{twice.Key}" : "by --set";
            problems.Add($"{command}: {twice.Key} is set twice ({string.Join(" and ", twice.Select(s => s.Text))}, {by}); keep one");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        try
        {
            return (ScenarioLoader.Load(File, sets), []);
        }
        catch (ScenarioException e)
        {
            return (null, e.Errors.Select(x => x.ToString()).ToList());
        }
    }
}
