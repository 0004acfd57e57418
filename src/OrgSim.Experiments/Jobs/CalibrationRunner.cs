using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Jobs;

/// <summary>
/// Runs batches of parameter sets for a calibration through the one run path: a batch is the
/// scenario loaded with its sets as the points of a sweep (so each value is read and checked as
/// any sweep's), one replicate per point, each point with its own seed, and then
/// <see cref="RunScheduler.Execute"/>. Each run's survey shares are read as it runs.
/// </summary>
internal sealed class CalibrationRunner(ScenarioInput input, IReadOnlyList<SensitivityParameter> parameters, IReadOnlyList<SurveyWave> waves, int threads, CancellationToken cancellation)
{
    /// <summary>The runs of one batch: each point's survey shares (for the runs of <paramref name="arms"/>, one each) and its metrics.</summary>
    public sealed record Batch(IReadOnlyDictionary<RunCoordinates, SimulatedSurvey> Surveys, MemoryRunStore Store, IReadOnlyList<string> Arms);

    public long Runs { get; private set; }

    /// <summary>The value a parameter runs with, as a key's text: rounded for whole-number keys.</summary>
    public static string RunText(SensitivityParameter parameter, double value) => SensitivityReader.Format(parameter.RunValue(value));

    /// <summary>
    /// Runs <paramref name="sets"/> (each one value per parameter), set i with the seed
    /// <paramref name="seedOf"/>(i), and every arm named in <paramref name="arms"/>.
    /// </summary>
    /// <exception cref="CalibrationStopException">The scenario refuses a value, or a run fails.</exception>
    public Batch Run(IReadOnlyList<IReadOnlyList<double>> sets, Func<int, ulong> seedOf, IReadOnlyList<string> arms)
    {
        if (sets.Count == 0)
        {
            return new Batch(new Dictionary<RunCoordinates, SimulatedSurvey>(), new MemoryRunStore(), arms);
        }

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

        points.Append(']');
        var (loaded, errors) = (input with { Sets = [.. input.Sets, points.ToString()] }).Load("orgsim calibrate");
        if (loaded is null)
        {
            throw new CalibrationStopException(errors);
        }

        var indices = arms.Select(a => loaded.Spec.Arms.ToList().FindIndex(x => x.Name == a)).ToList();
        LoadedScenario batch = loaded with
        {
            Spec = loaded.Spec with { Replicates = 1, Arms = [.. indices.Select(i => loaded.Spec.Arms[i])] },
            Points = [.. loaded.Points.Select((p, i) => p with { Spec = p.Spec with { Seed = seedOf(i), Replicates = 1, Arms = [.. indices.Select(a => p.Spec.Arms[a])] } })],
        };
        var surveys = new ConcurrentDictionary<RunCoordinates, SimulatedSurvey>();
        var store = new MemoryRunStore();
        try
        {
            RunScheduler.ExecuteObserved(RunPlan.For(batch, ShardSpec.All), store, threads, (at, graph) =>
            {
                var survey = new SimulatedSurvey(waves, graph);
                surveys[at] = survey;
                return survey.Record;
            }, cancellation);
        }
        catch (RunFailureException failure)
        {
            throw new CalibrationStopException([$"{loaded.ReadFrom}: {failure.Message}"]);
        }

        Runs += store.Runs.Count;
        return new Batch(surveys, store, arms);
    }
}
