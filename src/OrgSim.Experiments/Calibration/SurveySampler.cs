using System.Globalization;
using System.Text;
using OrgSim.Core.Agents;
using OrgSim.Core.Randomness;

namespace OrgSim.Experiments.Calibration;

/// <summary>
/// Draws a survey from a run's simulated shares, as a survey of its respondents would see them:
/// each rating falls at stage s with the run's share at s (multinomial), or is competent with the
/// run's competent share (binomial). Writes the observed-survey CSV that
/// <see cref="ObservedSurveyReader"/> reads. Deterministic in <c>seed</c>. Used by the
/// parameter-recovery tests and to make sample data; a file it makes is OrgSim's, not an
/// organisation's, and should be labelled so.
/// </summary>
public static class SurveySampler
{
    /// <summary>The CSV of <paramref name="waves"/>, each with ratings drawn from its shares in <paramref name="stageShares"/>.</summary>
    public static string Csv(IReadOnlyList<SurveyWave> waves, IReadOnlyList<double[]> stageShares, ObservedCounts form, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(waves);
        ArgumentNullException.ThrowIfNull(stageShares);
        bool byLevel = waves.Any(w => w.Level is not null), byUnit = waves.Any(w => w.Unit is not null);
        if (byLevel && byUnit)
        {
            throw new ArgumentException("a survey breaks down by level or by unit, not both", nameof(waves));
        }

        var text = new StringBuilder("week,competency");
        text.Append(byLevel ? ",level" : byUnit ? ",unit" : string.Empty);
        text.Append(form == ObservedCounts.Stages ? ",respondents,stage_0,stage_1,stage_2,stage_3\n" : ",respondents,competent\n");
        for (int i = 0; i < waves.Count; i++)
        {
            SurveyWave wave = waves[i];
            ulong key = CounterRng.Key(SeedDerivation.Derive(seed, "survey", i), 0);
            var counts = new int[Stages.Count];
            for (int r = 0; r < wave.Ratings; r++)
            {
                double u = CounterRng.Uniform(key, (ulong)r), cumulative = 0;
                int stage = Stages.Count - 1;
                for (int s = 0; s < Stages.Count - 1; s++)
                {
                    cumulative += stageShares[i][s];
                    if (u < cumulative)
                    {
                        stage = s;
                        break;
                    }
                }

                counts[stage]++;
            }

            text.Append(CultureInfo.InvariantCulture, $"{wave.Week},{(wave.Competency is { } c ? Competencies.Name(c) : ObservedSurveyReader.Pooled)}");
            if (byLevel || byUnit)
            {
                text.Append(',').Append(byLevel ? wave.Level!.Value.ToString(CultureInfo.InvariantCulture) : Quoted(wave.Unit!));
            }

            text.Append(CultureInfo.InvariantCulture, $",{wave.Respondents}");
            text.Append(form == ObservedCounts.Stages
                ? string.Create(CultureInfo.InvariantCulture, $",{counts[0]},{counts[1]},{counts[2]},{counts[3]}\n")
                : string.Create(CultureInfo.InvariantCulture, $",{counts[2] + counts[3]}\n"));
        }

        return text.ToString();
    }

    /// <summary>
    /// The CSV of a survey of one run: arm <paramref name="arm"/> of <paramref name="spec"/> runs once
    /// (replicate 0 of its seed, on the organisation of that seed) and <paramref name="waves"/> are drawn
    /// from its shares with <paramref name="seed"/>.
    /// </summary>
    public static string FromRun(Scenarios.ScenarioSpec spec, string arm, IReadOnlyList<SurveyWave> waves, ObservedCounts form, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Scenarios.ArmSpec armSpec = spec.Arms.FirstOrDefault(a => a.Name == arm) ?? throw new ArgumentException($"no arm named '{arm}'", nameof(arm));
        Core.Graph.OrgGraph graph = Organisations.OrganisationFactory.Build(spec.Organisation, Running.RunSeeds.Organisation(spec.Seed, 0));
        var survey = new SimulatedSurvey(waves, graph);
        Running.RunScheduler.RunOne(spec, armSpec, graph, 0, 1, survey.Record);
        return Csv(waves, survey.AllStageShares(), form, seed);
    }

    private static string Quoted(string value) => value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
