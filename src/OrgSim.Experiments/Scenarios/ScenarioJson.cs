using System.Text.Json;
using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Core.Graph.Overlays;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// Writes a <see cref="ScenarioSpec"/> as JSON under the keys a scenario file uses, with every
/// default filled in: the body of <c>run.json</c>, which <see cref="ScenarioLoader"/> reads back as
/// the same scenario, and the values <see cref="SweepPoint.ValueOf"/> looks up.
/// </summary>
internal static class ScenarioJson
{
    /// <summary>Writes the scenario's keys into the JSON object being written.</summary>
    /// <param name="json">The writer, inside an object.</param>
    /// <param name="spec">The scenario.</param>
    /// <param name="question">The scenario's question (its <c>question</c> key, else its opening comment), written after the title; null to leave it out.</param>
    public static void WriteSpec(Utf8JsonWriter json, ScenarioSpec spec, string? question)
    {
        json.WriteString("name", spec.Name);
        json.WriteString("description", spec.Description);
        if (spec.Title.Length > 0)
        {
            // Only when given: a run.json without a title stays byte for byte as before the key, so its settings hash does too.
            json.WriteString("title", spec.Title);
        }
        if (question is not null)
        {
            json.WriteString("question", question);
        }

        json.WriteNumber("seed", spec.Seed);
        ParameterCatalogue.Run.Write(json, spec);
        WriteOrganisation(json, spec.Organisation);
        WriteSection(json, "model", ParameterCatalogue.Model, spec.Model);
        WriteSection(json, "metrics", ParameterCatalogue.Metrics, spec.Metrics);
        json.WriteStartArray("arms");
        foreach (ArmSpec arm in spec.Arms)
        {
            json.WriteStartObject();
            json.WriteString("name", arm.Name);
            json.WriteStartArray("seeding");
            for (int w = 0; w < arm.Waves.Count; w++)
            {
                SeedingPlan wave = arm.Waves[w];
                json.WriteStartObject();
                json.WriteString("strategy", ScenarioNames.Name(wave.Strategy));
                if (wave.Strategy == SeedingStrategy.None)
                {
                    // Strategy none seeds nobody: a budget, competencies or stage would not load back.
                    json.WriteNumber("week", wave.Week);
                    json.WriteEndObject();
                    continue;
                }

                switch (wave.Strategy)
                {
                    case SeedingStrategy.Neighbourhood:
                        json.WriteNumber("centre", wave.Centre);
                        break;
                    case SeedingStrategy.RandomNeighbourhoods:
                        json.WriteNumber("neighbourhoods", wave.Budget);
                        break;
                    default:
                        json.WriteNumber("budget", wave.Budget);
                        break;
                }
                if (arm.ShareOf(w) is { } share)
                {
                    json.WriteNumber("share", share);
                }

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
            WriteSection(json, "model", ParameterCatalogue.Model, arm.Model);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// The value <paramref name="spec"/> has at the key path <paramref name="path"/> (an arm by its name,
    /// as in a sweep), as a scenario would write it; null if the path names no single value written in
    /// <c>run.json</c> (e.g. <c>organisation.levels</c>, which is written as the agents it makes).
    /// </summary>
    public static string? ValueText(ScenarioSpec spec, string path)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteSpec(json, spec, question: null);
            json.WriteEndObject();
        }

        using JsonDocument document = JsonDocument.Parse(buffer.ToArray());
        JsonElement node = document.RootElement;
        string[] keys = path.Split('.');
        for (int i = 0; i < keys.Length; i++)
        {
            if (node.ValueKind == JsonValueKind.Array && keys[i - 1] == "arms")
            {
                node = node.EnumerateArray().FirstOrDefault(a => a.GetProperty("name").GetString() == keys[i]);
                continue;
            }

            // One wave is the arm's seeding itself, as a scenario writes it.
            if (node.ValueKind == JsonValueKind.Array && node.GetArrayLength() == 1)
            {
                node = node[0];
            }

            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(keys[i], out node))
            {
                return null;
            }
        }

        return node.ValueKind == JsonValueKind.Array && keys[^1] == "seeding" && node.GetArrayLength() == 1 ? YamlFlow.Format(node[0]) : YamlFlow.Format(node);
    }

    private static void WriteSection<T>(Utf8JsonWriter json, string name, ParameterSection<T> section, T record)
        where T : class
    {
        json.WriteStartObject(name);
        section.Write(json, record);
        json.WriteEndObject();
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
            case NetworkKind.ErdosRenyi when o.TieProbability is { } p:
                json.WriteNumber("tie_probability", p);
                break;
            case NetworkKind.Ring:
                json.WriteNumber("degree", o.Degree);
                WriteSwaps(json, o);
                break;
            case NetworkKind.ErdosRenyi:
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
                if (o.Width > 0)
                {
                    // Only a width given: an implicit one is √agents at every sweep point, not the base's.
                    json.WriteNumber("width", o.Width);
                }

                WriteSwaps(json, o);
                break;
        }

        if (o.AttributesFile.Length > 0)
        {
            json.WriteString("attributes", o.AttributesFile.Replace('\\', '/'));
            json.WriteString("attributes_sha256", o.AttributesSha256);
        }

        WriteOverlays(json, o.Overlays);
        json.WriteEndObject();
    }

    /// <summary>Lattice swaps, only when asked for: a run.json of a plain lattice stays as it was.</summary>
    private static void WriteSwaps(Utf8JsonWriter json, OrganisationSpec o)
    {
        if (o.SwapsPerTie > 0)
        {
            json.WriteNumber("swaps_per_tie", o.SwapsPerTie);
        }
    }

    /// <summary>The data file as written in the scenario, and the hash of its bytes when it was read: an edited export shows.</summary>
    private static void WriteImportFile(Utf8JsonWriter json, OrganisationSpec o)
    {
        json.WriteString("file", o.ImportFile.Replace('\\', '/'));
        json.WriteString("file_sha256", o.ImportSha256);
    }

    private static void WriteOverlays(Utf8JsonWriter json, OverlayOptions overlays)
    {
        if (overlays == new OverlayOptions())
        {
            return;
        }

        json.WriteStartObject("overlays");
        // A section is written whenever one of its values is not the default, so that reading it back gives the same options.
        var d = new OverlayOptions();
        if (overlays.MenteeShare > 0 || overlays.LifeCoach || overlays.PodMin != d.PodMin || overlays.PodMax != d.PodMax)
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

        if (overlays.ExternalCoaches > 0 || overlays.ClientsPerCoach != d.ClientsPerCoach)
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
}
