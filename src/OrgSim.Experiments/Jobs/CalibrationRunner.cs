using System.Collections.Concurrent;
using System.Text;
using OrgSim.Core.Agents;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Report;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Jobs;

/// <summary>
/// Runs batches of parameter sets for a calibration through the one run path: a batch is the
/// scenario loaded with its sets as the points of a sweep (so each value is read and checked as
/// any sweep's), one replicate per point, each point with its own seed, and then
/// <see cref="RunScheduler.ExecuteObserved"/>. Each run's survey is read as it runs and reduced
/// (to a distance, or its shares) in its last week, so a round holds one small result per run,
/// never the runs themselves.
/// </summary>
internal sealed class CalibrationRunner(ScenarioInput input, IReadOnlyList<SensitivityParameter> parameters, IReadOnlyList<SurveyWave> waves, int threads, CancellationToken cancellation)
{
    /// <summary>The runs of one batch: each observed run's reduced survey, and every run's metrics.</summary>
    public sealed record Batch<T>(IReadOnlyDictionary<RunCoordinates, T> Surveys, MetricsStore Store, IReadOnlyList<string> Arms);

    public long Runs { get; private set; }

    /// <summary>The value a parameter runs with, as a key's text: rounded for whole-number keys.</summary>
    public static string RunText(SensitivityParameter parameter, double value) => SensitivityReader.Format(parameter.RunValue(value));

    /// <summary>
    /// The problems a run would meet at the priors' two corners (every parameter at its low end, then
    /// at its high end), found before any run: what the organisation cannot take, such as a budget
    /// above its headcount, which the scenario alone cannot tell. Empty when both corners can run.
    /// </summary>
    public IReadOnlyList<string> CornerProblems()
    {
        IReadOnlyList<double>[] corners = [[.. parameters.Select(p => p.Low)], [.. parameters.Select(p => p.High)]];
        var (loaded, errors) = (input with { Sets = [.. input.Sets, Points(corners)] }).Load("orgsim calibrate");
        if (loaded is null)
        {
            return errors;
        }

        return [.. Preflight.CheckAllPoints(loaded, cancellation: cancellation).Select(e => e.ToString().Replace("sweep point 0 (", "the priors' low ends (", StringComparison.Ordinal).Replace("sweep point 1 (", "the priors' high ends (", StringComparison.Ordinal).Replace(", from --set)", ")", StringComparison.Ordinal))];
    }

    /// <summary>
    /// Runs <paramref name="sets"/> (each one value per parameter), set i with the seed
    /// <paramref name="seedOf"/>(i), every arm named in <paramref name="arms"/>; the runs of arm
    /// <paramref name="observed"/> (an index into <paramref name="arms"/>) are read as the survey
    /// would read them and reduced by <paramref name="reduce"/>.
    /// </summary>
    /// <exception cref="CalibrationStopException">The scenario refuses a value, or a run fails.</exception>
    public Batch<T> Run<T>(IReadOnlyList<IReadOnlyList<double>> sets, Func<int, ulong> seedOf, IReadOnlyList<string> arms, int observed, Func<SimulatedSurvey, T> reduce)
    {
        if (sets.Count == 0)
        {
            return new Batch<T>(new Dictionary<RunCoordinates, T>(), new MetricsStore(), arms);
        }

        var (loaded, errors) = (input with { Sets = [.. input.Sets, Points(sets)] }).Load("orgsim calibrate");
        if (loaded is null)
        {
            throw new CalibrationStopException(errors);
        }

        var indices = arms.Select(a => loaded.Spec.Arms.ToList().FindIndex(x => x.Name == a)).ToList();
        LoadedScenario batch = loaded with
        {
            Spec = loaded.Spec with { Replicates = 1, Arms = [.. indices.Select(i => loaded.Spec.Arms[i])] },
            // Each set has its own seed, and so its own organisation; with organisation_per_point: fresh the
            // scheduler would also derive it from the set's position in this batch, and a shard's batch
            // holds other positions than the whole round's. Shared keeps a run a function of its seed alone.
            Points = [.. loaded.Points.Select((p, i) => p with { Spec = p.Spec with { Seed = seedOf(i), Replicates = 1, OrganisationPerPoint = OrganisationPerPoint.Shared, Arms = [.. indices.Select(a => p.Spec.Arms[a])] } })],
        };
        var results = new ConcurrentDictionary<RunCoordinates, T>();
        var store = new MetricsStore();
        try
        {
            RunScheduler.ExecuteObserved(RunPlan.For(batch, ShardSpec.All), store, threads, (at, graph) =>
            {
                if (at.Arm != observed)
                {
                    return null;
                }

                int horizon = batch.Points[at.Point].Spec.HorizonWeeks;
                var survey = new SimulatedSurvey(waves, graph);
                return (week, state) =>
                {
                    survey.Record(week, state);
                    if (week == horizon)
                    {
                        results[at] = reduce(survey);
                    }
                };
            }, cancellation);
        }
        catch (RunFailureException failure)
        {
            throw new CalibrationStopException([$"{loaded.ReadFrom}: {failure.Message}"]);
        }

        Runs += store.Count;
        return new Batch<T>(results, store, arms);
    }

    /// <summary>The parameter sets as one <c>--set sweep.points=[…]</c>, so their values are checked exactly as a sweep's.</summary>
    private string Points(IReadOnlyList<IReadOnlyList<double>> sets)
    {
        var points = new StringBuilder("sweep.points=[");
        for (int i = 0; i < sets.Count; i++)
        {
            points.Append(i == 0 ? "{" : ", {");
            for (int k = 0; k < parameters.Count; k++)
            {
                points.Append(k == 0 ? string.Empty : ", ").Append('"').Append(parameters[k].Path).Append("\": ").Append(RunText(parameters[k], sets[i][k]));
            }

            points.Append('}');
        }

        return points.Append(']').ToString();
    }

    /// <summary>Keeps each run's metrics only: a round of thousands of runs holds no series.</summary>
    public sealed class MetricsStore : IRunStore
    {
        private readonly ConcurrentDictionary<RunCoordinates, IReadOnlyList<KeyValuePair<string, double?>>> _metrics = new();

        public int Count => _metrics.Count;

        public IReadOnlyList<KeyValuePair<string, double?>> Metrics(RunCoordinates run) => _metrics[run];

        public bool Contains(RunCoordinates run) => _metrics.ContainsKey(run);

        public void Save(RunCoordinates run, RunResult result, IReadOnlyList<KeyValuePair<string, double?>> metrics) => _metrics[run] = metrics;

        public void SaveOrgChart(int arm, string armName, OrgChartRecorder recorder)
        {
        }
    }
}
