using System.Globalization;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Jobs;

/// <summary>
/// Runs the two arms of a scenario with its keys set to given values, and gives the contrast of a
/// metric replicate by replicate. Every probe keeps its runs in a <see cref="MemoryRunStore"/>, so
/// asking again with more replicates runs only the new ones; replicate r has the same seeds at
/// every value (<see cref="RunSeeds"/>), which pairs the probes.
/// </summary>
internal sealed class TippingProbeRunner(ScenarioInput input, IReadOnlyList<string> keys, string arm1, string arm2, string metric, int threads, CancellationToken cancellation)
{
    private readonly Dictionary<string, MemoryRunStore> _stores = new(StringComparer.Ordinal);

    /// <summary>Runs so far.</summary>
    public long Runs { get; private set; }

    /// <summary>The contrast of replicates 0 … <paramref name="replicates"/> − 1 with the keys at <paramref name="values"/>.</summary>
    /// <exception cref="TippingStopException">The scenario at these values cannot run, or the metric is missing.</exception>
    public IReadOnlyList<double> Contrasts(IReadOnlyList<double> values, int replicates)
    {
        var sets = input.Sets.ToList();
        sets.AddRange(keys.Select((k, i) => $"{k}={Text(values[i])}"));
        sets.Add($"replicates={replicates.ToString(CultureInfo.InvariantCulture)}");
        var (loaded, errors) = (input with { Sets = sets, Replicates = null }).Load("orgsim tipping");
        if (loaded is null)
        {
            throw new TippingStopException(errors);
        }

        var organisations = new OrganisationCache();
        if (Preflight.CheckAllPoints(loaded, organisations, cancellation) is { Count: > 0 } preflight)
        {
            throw new TippingStopException(preflight.Select(e => $"{e} (with {At(values)})"));
        }

        string at = string.Join(",", values.Select(Text));
        if (!_stores.TryGetValue(at, out MemoryRunStore? store))
        {
            _stores[at] = store = new MemoryRunStore();
        }

        int a1 = Index(loaded, arm1), a2 = Index(loaded, arm2);
        int before = store.Runs.Count;
        try
        {
            // Only the two arms run: one plan for both when they are all the scenario has.
            if (loaded.Spec.Arms.Count == 2)
            {
                RunScheduler.Execute(RunPlan.For(loaded, ShardSpec.All), store, threads, organisations: organisations, cancellation: cancellation);
            }
            else
            {
                RunScheduler.Execute(RunPlan.For(loaded, ShardSpec.All, new RunSelection(null, arm1, null)), store, threads, organisations: organisations, cancellation: cancellation);
                RunScheduler.Execute(RunPlan.For(loaded, ShardSpec.All, new RunSelection(null, arm2, null)), store, threads, cancellation: cancellation);
            }
        }
        catch (RunFailureException failure)
        {
            throw new TippingStopException([$"{loaded.ReadFrom}: {failure.Message} (with {At(values)})"]);
        }

        Runs += store.Runs.Count - before;
        var contrasts = new double[replicates];
        for (int r = 0; r < replicates; r++)
        {
            contrasts[r] = Metric(store, new RunCoordinates(0, a1, r), values) - Metric(store, new RunCoordinates(0, a2, r), values);
        }

        return contrasts;
    }

    /// <summary>A value as a <c>--set</c> gives it: invariant, round-trippable.</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private string At(IReadOnlyList<double> values) => string.Join(", ", keys.Select((k, i) => $"{k} = {Text(values[i])}"));

    private static int Index(LoadedScenario loaded, string arm) => loaded.Spec.Arms.ToList().FindIndex(a => a.Name == arm);

    private double Metric(MemoryRunStore store, RunCoordinates run, IReadOnlyList<double> values)
    {
        IReadOnlyList<KeyValuePair<string, double?>> metrics = store.Metrics(run);
        int i = metrics.ToList().FindIndex(kv => kv.Key == metric);
        if (i < 0)
        {
            string? near = NameSuggester.Suggest(metric, metrics.Select(kv => kv.Key));
            throw new TippingStopException([near is null
                ? $"orgsim tipping: no metric '{metric}'; the metrics of summary.csv are {string.Join(", ", metrics.Select(kv => kv.Key))}"
                : $"orgsim tipping: no metric '{metric}'; did you mean '{near}'?"]);
        }

        return metrics[i].Value ?? throw new TippingStopException([
            $"orgsim tipping: {metric} is undefined in replicate {run.Replicate} of arm {store.Result(run).Arm} (with {At(values)}); choose a metric every run has, e.g. competent_share_final"]);
    }
}
