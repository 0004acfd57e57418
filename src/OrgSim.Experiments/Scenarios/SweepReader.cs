using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// Reads a scenario's <c>sweep</c> section into its points: <c>grid</c> (a mapping from key path to
/// a list of values, expanded as a cartesian product, the last key varying fastest) or
/// <c>points</c> (a list of mappings from key path to value).
/// </summary>
internal static class SweepReader
{
    private static readonly string[] Fixed = ["name", "seed", "replicates", "arms", "sweep", "sensitivity", "calibration", "description", "title", "question"];

    /// <summary>The points, each a list of overrides; one empty point when there is no sweep.</summary>
    public static List<List<ScenarioOverride>> Read(ParseContext context, YamlNode? sweep)
    {
        if (sweep is null)
        {
            return [[]];
        }

        if (sweep is not YamlMappingNode mapping || mapping.Children.Count != 1)
        {
            context.Error(sweep.Start, "sweep should hold exactly one of grid (key path: [values…]) or points (a list of {key path: value})");
            return [[]];
        }

        var (key, body) = mapping.Children.First();
        if (YamlMappingReader.KeyProblem(key) is { } problem)
        {
            context.Error(YamlMappingReader.KeyMark(key, body), $"{problem} in sweep; write grid or points before the ':'");
            return [[]];
        }

        string kind = ((YamlScalarNode)key).Value!;
        List<List<ScenarioOverride>> points = kind switch
        {
            "grid" => Grid(context, body),
            "points" => Points(context, body),
            _ => Unknown(context, key, kind),
        };
        if (points.Count > MaxPoints)
        {
            context.Error(sweep.Start, $"sweep has {points.Count:N0} points; at most {MaxPoints:N0} are allowed, so split it into several scenarios");
            return [[]];
        }

        return points.Count == 0 ? [[]] : points;
    }

    /// <summary>The most points a sweep may have.</summary>
    public const int MaxPoints = 100_000;

    private static List<List<ScenarioOverride>> Unknown(ParseContext context, YamlNode key, string kind)
    {
        string? near = NameSuggester.Suggest(kind, ["grid", "points"]);
        context.Error(key.Start, $"unknown key '{kind}' in sweep; use grid or points" + (near is null ? string.Empty : $" (did you mean '{near}'?)"));
        return [];
    }

    private static List<List<ScenarioOverride>> Grid(ParseContext context, YamlNode body)
    {
        if (body is not YamlMappingNode grid || grid.Children.Count == 0)
        {
            context.Error(body.Start, "sweep.grid should map key paths to lists of values, e.g. 'model.transmission: [0.02, 0.05, 0.08]'");
            return [];
        }

        List<List<ScenarioOverride>> points = [[]];
        foreach (var (keyNode, valuesNode) in grid.Children)
        {
            string path = PathOf(context, keyNode);
            if (valuesNode is not YamlSequenceNode values || values.Children.Count == 0)
            {
                context.Error(valuesNode.Start, $"sweep.grid.{path} should be a non-empty list of values, e.g. [0.02, 0.05]");
                return [];
            }

            if (values.Children.Select((v, k) => (Value: v, Index: k)).FirstOrDefault(v => Larger(v.Value)) is { Value: { } large } big)
            {
                context.Error(large.Start, $"sweep.grid.{path} value {big.Index} {TooLarge}");
                return [];
            }

            long size = (long)points.Count * values.Children.Count;
            if (size > MaxPoints)
            {
                context.Error(keyNode.Start, $"sweep.grid makes more than {MaxPoints:N0} points; split it into several scenarios");
                return [];
            }

            points = points.SelectMany(p => values.Children.Select(v => (List<ScenarioOverride>)[.. p, new ScenarioOverride(path, v, "sweep")])).ToList();
        }

        return points;
    }

    private static List<List<ScenarioOverride>> Points(ParseContext context, YamlNode body)
    {
        if (body is not YamlSequenceNode list || list.Children.Count == 0)
        {
            context.Error(body.Start, "sweep.points should be a non-empty list of mappings, e.g. '- {model.transmission: 0.02}'");
            return [];
        }

        var points = new List<List<ScenarioOverride>>();
        for (int index = 0; index < list.Children.Count; index++)
        {
            YamlNode item = list.Children[index];
            if (item is not YamlMappingNode point)
            {
                context.Error(item.Start, "each of sweep.points should be a mapping of key paths to values, e.g. {model.transmission: 0.02}");
                continue;
            }

            if (point.Children.FirstOrDefault(kv => Larger(kv.Value)) is { Key: YamlScalarNode { Value: var key }, Value: { } large })
            {
                context.Error(large.Start, $"sweep.points[{index}].{key} {TooLarge}");
                return [];
            }

            points.Add(point.Children.Select(kv => new ScenarioOverride(PathOf(context, kv.Key), kv.Value, "sweep")).ToList());
        }

        return points;
    }

    private static readonly string TooLarge = string.Create(CultureInfo.InvariantCulture,
        $"holds more than {ScenarioLimits.MaxSweepValueSize:N0} values; a sweep value is a number, a name, or a short list or mapping, which every point repeats");

    /// <summary>Whether <paramref name="value"/> holds more than <see cref="ScenarioLimits.MaxSweepValueSize"/> values, counted without recursion and no further.</summary>
    private static bool Larger(YamlNode value)
    {
        var pending = new Stack<YamlNode>([value]);
        for (int count = 0; pending.TryPop(out YamlNode? node);)
        {
            if (++count > ScenarioLimits.MaxSweepValueSize)
            {
                return true;
            }

            IEnumerable<YamlNode> inside = node switch
            {
                YamlSequenceNode sequence => sequence.Children,
                YamlMappingNode mapping => mapping.Children.SelectMany(kv => new[] { kv.Key, kv.Value }),
                _ => [],
            };
            foreach (YamlNode child in inside)
            {
                pending.Push(child);
            }
        }

        return false;
    }

    internal static string PathOf(ParseContext context, YamlNode key, string section = "sweep")
    {
        if (YamlMappingReader.KeyProblem(key) is { } problem)
        {
            context.Error(key.Start, $"{problem} in the {section}; write a dotted key path before the ':', e.g. model.transmission");
            return string.Empty;
        }

        string path = ((YamlScalarNode)key).Value!;
        string first = path.Split('.')[0];
        if (path.Length == 0 || path.Split('.').Any(p => p.Length == 0))
        {
            context.Error(key.Start, $"{section} key '{path}' should be a dotted key path, e.g. model.transmission");
        }
        else if (path.Count(c => c == '.') >= ScenarioLimits.MaxNesting)
        {
            context.Error(key.Start, string.Create(CultureInfo.InvariantCulture, $"{section} key '{path[..Math.Min(path.Length, 40)]}…' has {path.Count(c => c == '.') + 1:N0} keys; a key path has a few, e.g. model.transmission"));
        }
        else if (Fixed.Contains(path) || (first == "arms" && path.Split('.').Length < 3))
        {
            context.Error(key.Start, $"{section} key '{path}' cannot vary between points (it fixes the runs every point shares); vary a model, organisation or arm key such as arms.NAME.seeding.budget");
        }

        return path;
    }
}
