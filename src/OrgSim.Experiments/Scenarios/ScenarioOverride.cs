using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// One value put into a scenario from outside its base: a sweep point's parameter or a
/// <c>--set</c> from the command line. <paramref name="Path"/> is a dotted key path such as
/// <c>model.transmission</c> or <c>arms.bottom-up.seeding.budget</c> (an arm by name).
/// </summary>
/// <param name="Path">The key path.</param>
/// <param name="Value">The YAML value: a scalar, or a mapping or list.</param>
/// <param name="Source">Where it came from, for messages: <c>--set</c>, <c>sweep</c>, or <c>base</c> for a key a sweep point leaves at the base value.</param>
public sealed record ScenarioOverride(string Path, YamlNode Value, string Source)
{
    /// <summary>The value as it would be written in a file (a list or mapping in flow style, e.g. <c>[pacing]</c>), for output columns and provenance.</summary>
    public string Text => YamlFlow.Format(Value);

    /// <summary><c>path=value</c>, the value cut short if it is long: to name the override in a message that is about more than its value.</summary>
    public string Brief => Text.Length <= 40 ? $"{Path}={Text}" : $"{Path}={Text[..30]}…";

    /// <summary>The <see cref="Source"/> of a sweep point's value for a key the point does not name: the base scenario's.</summary>
    public const string BaseSource = "base";

    /// <summary>Whether the value is the base scenario's, for a key a sweep point does not name.</summary>
    public bool IsBaseValue => Source == BaseSource;

    /// <summary>A <c>--set path=value</c> argument, or null with the reason.</summary>
    public static (ScenarioOverride? Override, string? Error) FromSet(string argument)
    {
        int equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return (null, $"--set {Shown(argument)} needs the form path.to.key=value, e.g. --set model.transmission=0.08");
        }

        string path = argument[..equals].Trim();
        string value = argument[(equals + 1)..].Trim();
        if (path.Split('.').Any(s => s.Length == 0))
        {
            return (null, $"--set {Shown(argument)}: the path '{path}' has an empty part; write keys separated by single dots, e.g. model.practice.base");
        }

        // Each key is a level of the scenario's tree, so a path is held to the nesting a file may have.
        if (path.Count(c => c == '.') >= ScenarioLimits.MaxNesting)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"--set {Shown(argument)}: the path has {path.Count(c => c == '.') + 1:N0} keys; a key path has a few, e.g. model.practice.base"));
        }

        // The value is read as YAML, so lists and mappings work too: --set 'arms.a.seeding.competencies=[pacing]'.
        var (stream, _, _, problem, isSyntax) = YamlText.Parse(value.Length == 0 ? "''" : value);
        if (stream is null)
        {
            return (null, $"--set {Shown(argument)}: the value {problem}" + (isSyntax ? "; quote it" : string.Empty));
        }

        // A value of only a comment ('#…') or a NUL byte is no YAML document at all; several '---' documents are several values.
        if (stream.Documents.Count != 1)
        {
            return (null, stream.Documents.Count == 0
                ? $"--set {Shown(argument)}: the value holds nothing YAML can read (a '#' starts a comment); quote it, e.g. --set '{path}=\"#1\"'"
                : $"--set {Shown(argument)}: the value holds {stream.Documents.Count} YAML documents (separated by '---'); give one value");
        }

        return (new ScenarioOverride(path, Detached(stream.Documents[0].RootNode), "--set"), null);
    }

    /// <summary>An argument as messages quote it: whole, or its start and its length when it is long (a message stays one readable line).</summary>
    private static string Shown(string argument) =>
        argument.Length <= 60 ? $"'{argument}'" : string.Create(CultureInfo.InvariantCulture, $"'{argument[..40]}…' ({argument.Length:N0} characters)");

    /// <summary>
    /// A copy of <paramref name="node"/> without the places it had in the <c>--set</c> text: placed
    /// there, an error would look like one at that line and column of the scenario file.
    /// </summary>
    private static YamlNode Detached(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Style = scalar.Style, Tag = scalar.Tag },
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(Detached)) { Style = sequence.Style, Tag = sequence.Tag },
        YamlMappingNode mapping => new YamlMappingNode(mapping.Children.Select(kv => new KeyValuePair<YamlNode, YamlNode>(Detached(kv.Key), Detached(kv.Value)))) { Style = mapping.Style, Tag = mapping.Tag },
        _ => node,
    };
}
