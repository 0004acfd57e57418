using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Output;

/// <summary>
/// <c>run.json</c>: provenance of a run — tool version, the scenario file's hash, the seed and
/// every parameter after defaults and overrides, under the same names the scenario file uses
/// (written by <see cref="ScenarioJson"/>). <see cref="ScenarioLoader.Load"/> reads it back as the
/// scenario the run used, so rerunning it reproduces the run. Holds nothing that varies between
/// two runs of the same inputs (no clock, no thread count), so it too is byte-identical.
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

            // A point that does not name a key shows the base's value above; these say which, so that
            // reading run.json back applies only what each point named (an arm's own value stays).
            if (scenario.PointsOrBase.Any(p => p.Parameters.Any(o => o.IsBaseValue)))
            {
                json.WriteStartArray("left_at_base");
                foreach (SweepPoint point in scenario.PointsOrBase)
                {
                    json.WriteStartArray();
                    foreach (ScenarioOverride value in point.Parameters.Where(o => o.IsBaseValue))
                    {
                        json.WriteStringValue(value.Path);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            if (scenario.Sensitivity is { } sensitivity)
            {
                WriteSensitivity(json, sensitivity);
            }

            ScenarioJson.WriteSpec(json, scenario.Spec, scenario.Question);
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.Write('\n');
    }

    /// <summary>
    /// The sensitivity section under the scenario's own keys, its seed written out, so that reading
    /// run.json back makes the same design (and a merged folder can analyse its runs).
    /// </summary>
    private static void WriteSensitivity(Utf8JsonWriter json, SensitivitySpec sensitivity)
    {
        json.WriteStartObject("sensitivity");
        json.WriteString("method", sensitivity.MethodName);
        if (sensitivity.Method == SensitivityMethod.Morris)
        {
            json.WriteNumber("trajectories", sensitivity.Trajectories);
            json.WriteNumber("levels", sensitivity.Levels);
        }
        else
        {
            json.WriteNumber("samples", sensitivity.Samples);
            json.WriteNumber("resamples", sensitivity.Resamples);
        }

        json.WriteNumber("seed", sensitivity.Seed);
        json.WriteStartObject("parameters");
        foreach (SensitivityParameter parameter in sensitivity.Parameters)
        {
            json.WriteStartObject(parameter.Path);
            json.WriteNumber("low", parameter.Low);
            json.WriteNumber("high", parameter.High);
            json.WriteString("scale", parameter.Scale == ParameterScale.LogUniform ? "log-uniform" : "uniform");
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("outputs");
        foreach (string output in sensitivity.Outputs)
        {
            json.WriteStringValue(output);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
