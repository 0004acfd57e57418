using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Core.Graph.Overlays;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Output;

/// <summary>
/// <c>run.json</c>: provenance of a run — tool version, the scenario file's hash, the seed and
/// every parameter after defaults and overrides, under the same names the scenario file uses,
/// so the file can be read back as a scenario's values. Holds nothing that varies between two
/// runs of the same inputs (no clock, no thread count), so it too is byte-identical.
/// </summary>
public static class RunManifest
{
    /// <summary>The tool's version, with the source revision when the build knows it.</summary>
    public static string ToolVersion { get; } =
        typeof(RunManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Writes the manifest of <paramref name="scenario"/>: its base scenario after every command-line override, and its sweep.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="scenario">The file as loaded, with its <c>--set</c> overrides and sweep points.</param>
    public static void Write(TextWriter writer, LoadedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(scenario);
        ScenarioSpec spec = scenario.Spec;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "orgsim");
            json.WriteString("version", ToolVersion);
            json.WriteStartObject("scenario_file");
            json.WriteString("path", scenario.File.Replace('\\', '/'));
            json.WriteString("sha256", scenario.Sha256);
            json.WriteEndObject();
            json.WriteStartArray("overrides");
            foreach (ScenarioOverride set in scenario.Sets)
            {
                json.WriteStringValue($"{set.Path}={set.Text}");
            }

            json.WriteEndArray();
            json.WriteStartObject("sweep");
            json.WriteStartArray("parameters");
            foreach (string path in scenario.ParameterPaths)
            {
                json.WriteStringValue(path);
            }

            json.WriteEndArray();
            json.WriteStartArray("points");
            foreach (SweepPoint point in scenario.PointsOrBase)
            {
                json.WriteStartArray();
                foreach (string path in scenario.ParameterPaths)
                {
                    json.WriteStringValue(point.ValueOf(path));
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("name", spec.Name);
            json.WriteString("description", spec.Description);
            json.WriteString("question", scenario.Question);
            json.WriteNumber("seed", spec.Seed);
            json.WriteNumber("horizon_weeks", spec.HorizonWeeks);
            json.WriteNumber("replicates", spec.Replicates);
            json.WriteBoolean("stop_at_quiescence", spec.StopAtQuiescence);
            WriteOrganisation(json, spec.Organisation);
            WriteModel(json, spec.Model);
            json.WriteStartObject("metrics");
            json.WriteNumber("retention_weeks", spec.Metrics.RetentionWeeks);
            json.WriteStartObject("effectiveness");
            json.WriteNumber("chaos_penalty", spec.Metrics.Effectiveness.ChaosPenalty);
            json.WriteNumber("follow_through_penalty", spec.Metrics.Effectiveness.FollowThroughPenalty);
            json.WriteNumber("imbalance_penalty", spec.Metrics.Effectiveness.ImbalancePenalty);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("arms");
            foreach (ArmSpec arm in spec.Arms)
            {
                json.WriteStartObject();
                json.WriteString("name", arm.Name);
                json.WriteStartArray("seeding");
                foreach (SeedingPlan wave in arm.Waves)
                {
                    json.WriteStartObject();
                    json.WriteString("strategy", ScenarioNames.Name(wave.Strategy));
                    json.WriteNumber("budget", wave.Budget);
                    json.WriteStartArray("competencies");
                    foreach (Competency c in Competencies.All.Where(wave.Competencies.Contains))
                    {
                        json.WriteStringValue(Competencies.Name(c));
                    }

                    json.WriteEndArray();
                    json.WriteString("stage", Stages.Name(wave.Stage));
                    json.WriteNumber("week", wave.Week);
                    json.WriteEndObject();
                }

                json.WriteEndArray();

                // The arm's dynamics in full, overrides applied, so a reader needs no merging rules.
                WriteModel(json, arm.Model);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.Write('\n');
    }

    private static void WriteOrganisation(Utf8JsonWriter json, OrganisationSpec o)
    {
        json.WriteStartObject("organisation");
        json.WriteString("generator", ScenarioNames.Name(o.Kind));
        json.WriteNumber("agents", o.Agents);
        switch (o.Kind)
        {
            case NetworkKind.Hierarchy:
                HierarchyOptions h = o.Hierarchy;
                if (h.SpanMax == 0)
                {
                    json.WriteNumber("span", h.Span);
                }
                else
                {
                    json.WriteStartObject("span");
                    json.WriteNumber("min", h.Span);
                    json.WriteNumber("max", h.SpanMax);
                    json.WriteEndObject();
                }

                json.WriteNumber("cross_team_ties_per_agent", h.CrossTeamTiesPerAgent);
                json.WriteNumber("executive_levels", h.ExecutiveLevels);
                json.WriteNumber("functions", h.Functions);
                json.WriteNumber("sites", h.Sites);
                json.WriteNumber("remote_share", h.RemoteShare);
                json.WriteNumber("remote_tie_weight", h.RemoteTieWeight);
                if (h.CrossFunctionShare is { } crossFunction)
                {
                    json.WriteNumber("cross_function_share", crossFunction);
                }

                break;
            case NetworkKind.Teams:
                json.WriteNumber("team_size", o.TeamSize);
                json.WriteNumber("cross_team_ties_per_agent", o.Hierarchy.CrossTeamTiesPerAgent);
                break;
            case NetworkKind.HrExport:
                WriteImportFile(json, o);
                json.WriteStartObject("columns");
                json.WriteString("id", o.HrImport.Columns.Id);
                json.WriteString("manager", o.HrImport.Columns.Manager);
                json.WriteString("team", o.HrImport.Columns.Team);
                json.WriteString("function", o.HrImport.Columns.Function);
                json.WriteString("site", o.HrImport.Columns.Site);
                json.WriteString("role", o.HrImport.Columns.Role);
                json.WriteString("remote", o.HrImport.Columns.Remote);
                json.WriteEndObject();
                json.WriteNumber("executive_levels", o.HrImport.ExecutiveLevels);
                json.WriteNumber("cross_team_ties_per_agent", o.HrImport.CrossTeamTiesPerAgent);
                json.WriteNumber("remote_tie_weight", o.HrImport.RemoteTieWeight);
                json.WriteNumber("max_team_size", o.HrImport.MaxTeamSize);
                break;
            case NetworkKind.EdgeList:
                WriteImportFile(json, o);
                break;
            case NetworkKind.Ring or NetworkKind.ErdosRenyi:
                json.WriteNumber("degree", o.Degree);
                break;
            case NetworkKind.WattsStrogatz:
                json.WriteNumber("degree", o.Degree);
                json.WriteNumber("rewire", o.Rewire);
                break;
            case NetworkKind.BarabasiAlbert:
                json.WriteNumber("attachments", o.Attachments);
                break;
            case NetworkKind.Grid:
                json.WriteNumber("width", o.GridWidth);
                break;
        }

        WriteOverlays(json, o.Overlays);
        json.WriteEndObject();
    }

    /// <summary>The data file as written in the scenario, and the hash of its bytes when it was read: an edited export shows.</summary>
    private static void WriteImportFile(Utf8JsonWriter json, OrganisationSpec o)
    {
        json.WriteString("file", o.ImportFile.Replace('\\', '/'));
        json.WriteString("file_sha256", o.ImportSha256);
    }

    private static void WriteOverlays(Utf8JsonWriter json, OverlayOptions overlays)
    {
        if (!overlays.Any)
        {
            return;
        }

        json.WriteStartObject("overlays");
        if (overlays.MenteeShare > 0)
        {
            json.WriteStartObject("mentoring");
            json.WriteNumber("mentee_share", overlays.MenteeShare);
            json.WriteStartObject("mentees_per_mentor");
            json.WriteNumber("min", overlays.PodMin);
            json.WriteNumber("max", overlays.PodMax);
            json.WriteEndObject();
            json.WriteBoolean("life_coach", overlays.LifeCoach);
            json.WriteEndObject();
        }

        if (overlays.ExternalCoaches > 0)
        {
            json.WriteStartObject("coaches");
            json.WriteNumber("count", overlays.ExternalCoaches);
            json.WriteNumber("clients_per_coach", overlays.ClientsPerCoach);
            json.WriteEndObject();
        }

        if (overlays.CircleSize > 0)
        {
            json.WriteStartObject("quality_circles");
            json.WriteNumber("size", overlays.CircleSize);
            json.WriteEndObject();
        }

        if (overlays.DottedLineShare > 0)
        {
            json.WriteStartObject("matrix");
            json.WriteNumber("dotted_line_share", overlays.DottedLineShare);
            json.WriteEndObject();
        }

        json.WriteBoolean("skip_level_meetings", overlays.SkipLevelMeetings);
        json.WriteEndObject();
    }

    private static void WriteModel(Utf8JsonWriter json, ModelParameters m)
    {
        json.WriteStartObject("model");
        json.WriteNumber("transmission", m.Transmission);
        json.WriteBoolean("learning", m.Learning);
        json.WriteNumber("active_weeks", m.ActiveWeeks);
        json.WriteNumber("pacing_interval_weeks", m.PacingIntervalWeeks);
        json.WriteStartObject("adoption");
        json.WriteString("rule", ScenarioNames.Name(m.Adoption));
        json.WriteStartObject("threshold");
        json.WriteString("distribution", ScenarioNames.Name(m.Threshold.Kind));
        switch (m.Threshold.Kind)
        {
            case ThresholdKind.Uniform:
                json.WriteNumber("low", m.Threshold.A);
                json.WriteNumber("high", m.Threshold.B);
                break;
            case ThresholdKind.Normal:
                json.WriteNumber("mean", m.Threshold.A);
                json.WriteNumber("sd", m.Threshold.B);
                break;
            default:
                json.WriteNumber("value", m.Threshold.A);
                break;
        }

        json.WriteEndObject();
        json.WriteNumber("innovation", m.BassInnovation);
        json.WriteNumber("imitation", m.BassImitation);
        json.WriteEndObject();
        json.WriteStartObject("deploy_probability");
        json.WriteNumber("conscious_competence", m.DeployProbabilityPractised);
        json.WriteNumber("unconscious_competence", m.DeployProbabilityHabit);
        json.WriteEndObject();
        json.WriteStartObject("practice");
        json.WriteNumber("base", m.PracticeBase);
        json.WriteNumber("from_exposure", m.PracticeFromExposure);
        json.WriteNumber("repetitions_to_practised", m.RepetitionsToPractised);
        json.WriteNumber("repetitions_to_habit", m.RepetitionsToHabit);
        json.WriteNumber("rub_pat_factor", m.RubPatFactor);
        json.WriteNumber("prerequisite_boost", m.PrerequisiteBoost);
        json.WriteNumber("support_boost", m.SupportBoost);
        json.WriteNumber("feedforward_boost", m.FeedforwardBoost);
        json.WriteNumber("give_up_rate", m.GiveUpRate);
        json.WriteNumber("entry_trick_repetitions", m.EntryTrickRepetitions);
        json.WriteNumber("flow_sensitivity", m.FlowSensitivity);
        json.WriteEndObject();
        json.WriteStartObject("forgetting");
        json.WriteNumber("grace_weeks", m.ForgetGraceWeeks);
        json.WriteNumber("rate", m.ForgetRate);
        json.WriteNumber("strengthening", m.ForgetStrengthening);
        json.WriteEndObject();
        json.WriteStartObject("relationships");
        foreach (EdgeType type in EdgeTypes.All)
        {
            Relationship r = m.Relationships.For(type);
            json.WriteStartObject(EdgeTypes.Name(type));
            json.WriteNumber("weight", r.Weight);
            json.WriteNumber("interactions_per_week", r.InteractionsPerWeek);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
