using OrgSim.Experiments.Scenarios;
using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Calibration;

/// <summary>
/// The scenario with the fitted values written in: the file as written, its <c>--set</c> values
/// (other than the calibration's) and each parameter's posterior mean applied as a sweep point's
/// value would be, the calibration section removed, and relative data paths made relative to the
/// folder the fitted file goes to, so <c>orgsim run</c> takes it directly. YAML comments are not kept.
/// </summary>
public static class FittedScenario
{
    private static readonly string[] DataPaths = ["file", "attributes"];

    /// <summary>The fitted scenario's text.</summary>
    /// <param name="scenarioFile">The scenario file that was calibrated.</param>
    /// <param name="sets">Its <c>--set</c> values.</param>
    /// <param name="fitted">Each calibrated key path with the text of its fitted value.</param>
    /// <param name="outFolder">Where the fitted file is written.</param>
    /// <param name="header">Comment lines to put first (without the '#').</param>
    public static string Text(string scenarioFile, IReadOnlyList<ScenarioOverride> sets, IReadOnlyList<(string Path, string Value)> fitted, string outFolder, IEnumerable<string> header)
    {
        ArgumentNullException.ThrowIfNull(scenarioFile);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(fitted);
        string text = File.ReadAllText(scenarioFile);
        var root = (YamlMappingNode)YamlText.Parse(text.TrimStart('\uFEFF')).Stream!.Documents[0].RootNode;
        root.Children.Remove(new YamlScalarNode(CalibrationReader.Name));
        foreach (ScenarioOverride set in sets.Where(s => !SensitivityOverrides.IsIn(s, CalibrationReader.Name)))
        {
            YamlOverrides.Apply(root, set);
        }

        foreach (var (path, value) in fitted)
        {
            YamlOverrides.Apply(root, new ScenarioOverride(path, new YamlScalarNode(value), "calibration"));
        }

        if (root.Children.TryGetValue(new YamlScalarNode("organisation"), out YamlNode? organisation) && organisation is YamlMappingNode mapping)
        {
            string from = Path.GetDirectoryName(Path.GetFullPath(scenarioFile)) ?? string.Empty;
            foreach (string key in DataPaths)
            {
                if (mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) && node is YamlScalarNode { Value: { Length: > 0 } file } && !Path.IsPathRooted(file))
                {
                    string moved = Path.GetRelativePath(Path.GetFullPath(outFolder), Path.Combine(from, file)).Replace('\\', '/');
                    mapping.Children[new YamlScalarNode(key)] = new YamlScalarNode(moved);
                }
            }
        }

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        foreach (string line in header)
        {
            writer.Write("# " + line + "\n");
        }

        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        string yaml = writer.ToString();
        return yaml.EndsWith("...\n", StringComparison.Ordinal) ? yaml[..^4] : yaml;
    }
}
