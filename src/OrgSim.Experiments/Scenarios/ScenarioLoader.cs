using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Core.Metrics;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Import;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Sensitivity;
using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// Reads a scenario YAML file into a <see cref="ScenarioSpec"/>, applying documented defaults,
/// and reports every problem at once with file, line, column and what to fix.
/// </summary>
public static partial class ScenarioLoader
{
    /// <summary>
    /// Loads and validates <paramref name="path"/>: a scenario file, or (ending in <c>.json</c>) the
    /// <c>run.json</c> of a run, which gives the scenario that run used, value for value.
    /// </summary>
    /// <exception cref="ScenarioException">The file is missing, unreadable, malformed or invalid.</exception>
    /// <param name="path">The scenario file.</param>
    /// <param name="sets">Command-line <c>--set</c> overrides, applied over the file and every sweep point.</param>
    public static LoadedScenario Load(string path, IReadOnlyList<ScenarioOverride>? sets = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (FileProblem(path) is { } problem)
        {
            throw new ScenarioException([new ScenarioError(path, 0, 0, problem)]);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ScenarioException([new ScenarioError(path, 0, 0, "file not found; check the path and the working directory")]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException([new ScenarioError(path, 0, 0, $"cannot be read ({e.Message}); check its permissions")]);
        }

        return Parse(bytes, path, sets ?? []);
    }

    /// <summary>
    /// Why <paramref name="path"/> is not read — a folder, a device or a pipe, a file above the size
    /// limit — found without opening it; null for a file to read (or one that is missing, which reading says).
    /// </summary>
    private static string? FileProblem(string path)
    {
        bool runJson = IsRunJson(path);
        long limit = runJson ? ScenarioLimits.MaxRunJsonBytes : ScenarioLimits.MaxScenarioBytes;
        var (trouble, words) = InputFile.Check(path, limit);
        return trouble switch
        {
            InputFile.Trouble.Folder or InputFile.Trouble.NotAFile => $"{words}; name a scenario file, e.g. scenarios/quickstart.yaml",
            InputFile.Trouble.TooLarge => runJson
                ? $"{words}; a run.json may be at most {InputFile.Limit(limit)}, so check that this is the run.json you meant"
                : $"{words}; a scenario file may be at most {InputFile.Limit(limit)}, so check that this is the scenario you meant (a long sweep is shorter as sweep.grid)",
            _ => null,
        };
    }

    /// <summary>Parses scenario text (run.json text if <paramref name="file"/> ends in <c>.json</c>); <paramref name="file"/> labels errors and provenance.</summary>
    public static LoadedScenario Parse(string text, string file, IReadOnlyList<ScenarioOverride>? sets = null) => Parse(Encoding.UTF8.GetBytes(text), file, sets ?? []);

    private static LoadedScenario Parse(byte[] bytes, string file, IReadOnlyList<ScenarioOverride> sets)
    {
        var context = new ParseContext(file);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            throw new ScenarioException([new ScenarioError(file, 0, 0, "is saved as UTF-16; save it as UTF-8 (in most editors: Save with Encoding, UTF-8)")]);
        }

        int bom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (Utf8Check.Find(bytes.AsSpan(bom)) is { } invalid)
        {
            // Decoded as it is, each such byte would become '�' and the value silently another.
            throw new ScenarioException([new ScenarioError(file, (int)invalid.Line, (int)invalid.Column, $"is not UTF-8 text ({invalid.Describe()}); save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)")]);
        }

        string text = new UTF8Encoding(false).GetString(bytes, bom, bytes.Length - bom).TrimStart('\uFEFF');
        if (IsRunJson(file))
        {
            return ParseRunJson(text, file, sets);
        }

        if (FirstTabIndentedLine(text) is int tabLine)
        {
            // YamlDotNet reports a tab in the indentation at 1:1; point at the line instead.
            throw new ScenarioException([new ScenarioError(file, tabLine, 1, "is indented with a tab; YAML needs spaces, so replace the tab with spaces")]);
        }

        var (stream, line, column, yamlProblem, _) = YamlText.Parse(text);
        if (stream is null)
        {
            throw new ScenarioException([new ScenarioError(file, line, column, yamlProblem!)]);
        }

        if (stream.Documents.Count == 0)
        {
            throw new ScenarioException([new ScenarioError(file, 0, 0, "is empty; start from scenarios/quickstart.yaml")]);
        }

        if (stream.Documents.Count > 1)
        {
            throw new ScenarioException([new ScenarioError(file, (int)stream.Documents[1].RootNode.Start.Line, 1, "holds more than one YAML document; keep one scenario per file")]);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode original)
        {
            YamlMappingReader.For(context, stream.Documents[0].RootNode, string.Empty);
            throw new ScenarioException(context.Errors);
        }

        // The sweep and the sensitivity section are read apart; the base is the file without them, with
        // the --set values applied. Each point re-reads the base's text into a fresh tree, which keeps
        // every node's line and column.
        string baseText = WithoutEntries(text, original, "sweep", "sensitivity", CalibrationReader.Name);
        YamlNode? sweepNode = WithoutSection(original, "sweep");
        YamlNode? sensitivityNode = WithoutSection(original, "sensitivity");
        YamlNode? calibrationNode = WithoutSection(original, CalibrationReader.Name);
        if (calibrationNode is not null)
        {
            context.Remember(CalibrationReader.Name, calibrationNode.Start);
        }

        calibrationNode = SensitivityOverrides.Apply(context, calibrationNode, sets.Where(IsCalibration), CalibrationReader.Name);
        if (sweepNode is not null)
        {
            context.Remember("sweep", sweepNode.Start);
        }

        if (sensitivityNode is not null || sets.Any(SensitivityOverrides.IsSensitivity))
        {
            if (sensitivityNode is not null)
            {
                context.Remember("sensitivity", sensitivityNode.Start);
            }

            if (sweepNode is not null || sets.Any(SweepOverrides.IsSweep))
            {
                context.Error(sensitivityNode?.Start ?? YamlDotNet.Core.Mark.Empty, "a scenario has a sweep or a sensitivity section, not both: the sensitivity design chooses the points; remove the sweep, or move it to a scenario of its own");
            }
        }

        sensitivityNode = SensitivityOverrides.Apply(context, sensitivityNode, sets.Where(SensitivityOverrides.IsSensitivity));
        (sweepNode, IReadOnlySet<YamlNode> fromSet) = SweepOverrides.Apply(context, sweepNode, sets.Where(SweepOverrides.IsSweep));
        List<List<ScenarioOverride>> pointValues = SweepReader.Read(context, sweepNode)
            .Select(p => p.Select(o => fromSet.Contains(o.Value) ? o with { Source = "--set" } : o).ToList()).ToList();
        int errorsBefore = context.Errors.Count;
        SensitivityReader.Section? section = sensitivityNode is null ? null : SensitivityReader.Read(context, sensitivityNode);
        NameTheSets(context, errorsBefore, sets.Where(SensitivityOverrides.IsSensitivity).ToList());
        errorsBefore = context.Errors.Count;
        CalibrationReader.Section? calibrationSection = calibrationNode is null ? null : CalibrationReader.Read(context, calibrationNode);
        NameTheSets(context, errorsBefore, sets.Where(IsCalibration).ToList());
        SensitivitySpec? sensitivity = null;
        Func<ScenarioSpec, List<List<ScenarioOverride>>>? design = section is null ? null : spec =>
        {
            int before = context.Errors.Count;
            (sensitivity, List<List<ScenarioOverride>> points) = SensitivityReader.Points(context, section, spec, path => TakesWholeNumbers(context, spec, path));
            NameTheSets(context, before, sets.Where(SensitivityOverrides.IsSensitivity).ToList());
            return points;
        };
        LoadedScenario loaded = Build(context, original, FreshTree, sweepNode is null ? null : pointValues, null, sets.Where(s => !SweepOverrides.IsSweep(s) && !SensitivityOverrides.IsSensitivity(s) && !IsCalibration(s)).ToList(), sweepSet: sets.LastOrDefault(SweepOverrides.IsSweep), design: design) with
        {
            Sha256 = sha256,
            Sets = sets,
            Sensitivity = sensitivity,
        };
        loaded = loaded with { Question = Question(original, sets, text) };
        if (calibrationSection is not null)
        {
            int before = context.Errors.Count;
            CalibrationSpec calibration = CalibrationReader.Complete(context, calibrationSection, loaded.Spec, path => TakesWholeNumbers(context, loaded.Spec, path));
            NameTheSets(context, before, sets.Where(IsCalibration).ToList());
            if (context.Errors.Count > 0)
            {
                throw new ScenarioException(context.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
            }

            // The calibration chooses its points as it runs; read the two corners of the priors now,
            // as a sweep's points are read, so a key no point could take is refused at load, at its line.
            List<List<ScenarioOverride>> corners =
            [
                [.. calibration.Parameters.Select(p => new ScenarioOverride(p.Path, new YamlScalarNode(SensitivityReader.Format(p.RunValue(p.Low))), CalibrationReader.Name))],
                [.. calibration.Parameters.Select(p => new ScenarioOverride(p.Path, new YamlScalarNode(SensitivityReader.Format(p.RunValue(p.High))), CalibrationReader.Name))],
            ];
            ReadPoints(context, FreshTree, corners, sets.Where(s => !SweepOverrides.IsSweep(s) && !SensitivityOverrides.IsSensitivity(s) && !IsCalibration(s)).ToList(), null);

            loaded = loaded with { Calibration = calibration };
        }

        return loaded;

        static bool IsCalibration(ScenarioOverride set) => SensitivityOverrides.IsIn(set, CalibrationReader.Name);

        YamlMappingNode FreshTree()
        {
            var root = (YamlMappingNode)YamlText.Parse(baseText).Stream!.Documents[0].RootNode;
            WithoutSection(root, "sweep");
            WithoutSection(root, "sensitivity");
            WithoutSection(root, CalibrationReader.Name);
            return root;
        }
    }

    /// <summary>
    /// Errors from <paramref name="from"/> on at 1:1 — a value a <c>--set</c> brought, which has no
    /// place in the file — named by that <c>--set</c> instead: the one whose last key the message
    /// quotes, else the last.
    /// </summary>
    private static void NameTheSets(ParseContext context, int from, List<ScenarioOverride> sets)
    {
        if (sets.Count == 0)
        {
            return;
        }

        for (int i = from; i < context.Errors.Count; i++)
        {
            ScenarioError e = context.Errors[i];
            if (e.Line <= 1 && e.Column <= 1)
            {
                ScenarioOverride cause = sets.LastOrDefault(o => e.Message.Contains(o.Path.Split('.')[^1], StringComparison.Ordinal)) ?? sets[^1];
                context.Errors[i] = e with { Line = 0, Column = 0, Message = $"--set {cause.Brief}: {e.Message}" };
            }
        }
    }

    /// <summary>
    /// Whether the base scenario reads <paramref name="path"/> as a whole number, an arm named as in a
    /// sweep (<c>arms.bottom-up.seeding.budget</c>) or by index (<c>arms[0].seeding.budget</c>).
    /// </summary>
    private static bool TakesWholeNumbers(ParseContext context, ScenarioSpec spec, string path)
    {
        // A key the scenario does not write may not have been read at all (a model key of a file
        // without a model section): the catalogue says what it takes.
        if (ParameterCatalogue.ForKey(path)?.TakesWholeNumbers == true)
        {
            return true;
        }

        string[] parts = path.Split('.');
        if (parts is ["arms", var arm, ..] && spec.Arms.Select(a => a.Name).ToList().IndexOf(arm) is int index and >= 0)
        {
            path = string.Create(CultureInfo.InvariantCulture, $"arms[{index}].{string.Join('.', parts[2..])}");
        }

        return context.WholeNumberPaths.Contains(path);
    }

    /// <summary><paramref name="text"/> with each of the top mapping's <paramref name="keys"/> cut out where that can be done cleanly (<see cref="WithoutEntry"/>).</summary>
    private static string WithoutEntries(string text, YamlMappingNode root, params string[] keys)
    {
        foreach (string key in keys)
        {
            if (WithoutEntry(text, root, key) is { } cut)
            {
                text = cut;
                root = (YamlMappingNode)YamlText.Parse(cut).Stream!.Documents[0].RootNode;
            }
        }

        return text;
    }


    /// <summary>
    /// <paramref name="text"/> with the entry <paramref name="key"/> of its top mapping blanked out
    /// (line breaks kept, so every other value keeps its line and column), or null if it cannot be
    /// cut out cleanly. Re-read for each sweep point, the base then costs its own size, not the whole
    /// sweep's: a written-out sweep of 5,000 points took 98 s to load, re-reading itself per point.
    /// </summary>
    private static string? WithoutEntry(string text, YamlMappingNode root, string key)
    {
        // The entry runs from its key to the next key (with the comma between, in a flow mapping), or
        // to the end; a list's or mapping's own end mark is not kept by YamlDotNet's tree.
        var keys = root.Children.Keys.ToList();
        int at = keys.FindIndex(k => k is YamlScalarNode { Value: var name } && name == key);
        if (at < 0)
        {
            return null;
        }

        int start = (int)keys[at].Start.Index, end = at + 1 < keys.Count ? (int)keys[at + 1].Start.Index : text.Length;
        if (start < 0 || end > text.Length || start >= end)
        {
            return null;
        }

        // Its line breaks stay, and spaces on its last line, so what follows keeps its line and column.
        int lastLine = text.LastIndexOf('\n', end - 1, end - start) + 1;
        var kept = new StringBuilder(text.Length - (end - start) + 1_000).Append(text, 0, start);
        for (int i = start; i < end; i++)
        {
            if (text[i] == '\n' || i >= lastLine)
            {
                kept.Append(text[i] == '\n' ? '\n' : ' ');
            }
        }

        // The same mapping less the entry, or else the whole text after all (e.g. the entry holds an anchor a later alias names).
        string rest = kept.Append(text, end, text.Length - end).ToString();
        return YamlText.Parse(rest).Stream is { Documents: [{ RootNode: YamlMappingNode cut }] }
            && cut.Children.Count == keys.Count - 1
            && !cut.Children.ContainsKey(keys[at])
            ? rest
            : null;
    }

    /// <summary>Removes the section <paramref name="name"/> (the sweep, the sensitivity design) from a scenario's tree; returns it, or null if there is none.</summary>
    private static YamlNode? WithoutSection(YamlMappingNode root, string name)
    {
        var key = new YamlScalarNode(name);
        root.Children.TryGetValue(key, out YamlNode? section);
        root.Children.Remove(key);
        return section;
    }

    /// <summary>
    /// The scenario of a tree without its sweep (<paramref name="original"/>, which the
    /// <c>--set</c> values are written into) and, for a sweep, each point's.
    /// </summary>
    /// <param name="context">The base's context: its file, the errors so far, where keys were written.</param>
    /// <param name="original">The base tree, without the sweep.</param>
    /// <param name="freshBase">A new copy of the base tree for each point to write its values into.</param>
    /// <param name="pointValues">Each point's values, or null without a sweep.</param>
    /// <param name="parameterPaths">The swept key paths in column order, or null for their order of first appearance.</param>
    /// <param name="sets">The <c>--set</c> values to apply over the base and every point.</param>
    /// <param name="adjust">What to do to a point's tree once its values are in, or null (for a run.json: drop the keys its base wrote that the point's generator does not read).</param>
    /// <param name="sweepSet">The last <c>--set</c> of the sweep, if any, to name when the sweep makes too many runs.</param>
    /// <param name="design">For a sensitivity section: the design's points, made from the base scenario once it is read; null otherwise.</param>
    private static LoadedScenario Build(ParseContext context, YamlMappingNode original, Func<YamlMappingNode> freshBase, List<List<ScenarioOverride>>? pointValues, IReadOnlyList<string>? parameterPaths, IReadOnlyList<ScenarioOverride> sets, Action<YamlMappingNode, IReadOnlyList<ScenarioOverride>>? adjust = null, ScenarioOverride? sweepSet = null, Func<ScenarioSpec, List<List<ScenarioOverride>>>? design = null)
    {
        string file = context.File;
        foreach (ScenarioOverride set in sets)
        {
            if (YamlOverrides.Apply(original, set) is { } problem)
            {
                string named = problem.StartsWith("--set", StringComparison.Ordinal) ? problem : $"--set {set.Path}={set.Text}: {problem}";
                context.Errors.Add(new ScenarioError(file, 0, 0, named));
            }
        }

        ScenarioSpec spec = ReadScenario(context, YamlMappingReader.For(context, original, string.Empty)!, DefaultName(file), sets);
        if (context.Errors.Count > 0)
        {
            // A key a --set added has no place in the file (marked 1:1): name the --set instead.
            List<ScenarioError> errors = context.Errors.Select(e =>
                e.Line == 1 && e.Column == 1 && sets.LastOrDefault(o => Concerns(e.Message, o.Path)) is { } cause
                    ? e with { Line = 0, Column = 0, Message = $"--set {cause.Path}={cause.Text}: {e.Message}" }
                    : e).ToList();
            throw new ScenarioException(errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
        }

        if (design is not null)
        {
            pointValues = design(spec);
            if (context.Errors.Count > 0)
            {
                throw new ScenarioException(context.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
            }
        }

        CheckRuns(context, spec, pointValues?.Count ?? 1, sets.LastOrDefault(o => o.Path == "replicates") ?? sweepSet);
        List<SweepPoint> points = pointValues is null
            ? [new SweepPoint(0, [], spec)]
            : ReadPoints(context, freshBase, pointValues, sets, adjust);
        CheckQuiescence(context, points, sets.LastOrDefault(o => o.Path == "stop_at_quiescence"));
        List<string> paths = parameterPaths?.ToList() ?? (pointValues ?? []).SelectMany(p => p.Select(o => o.Path)).Distinct(StringComparer.Ordinal).ToList();
        return new LoadedScenario(spec, file, string.Empty, context.Locations())
        {
            Warnings = context.Warnings.Distinct(StringComparer.Ordinal).ToList(),
            // A --set of a swept key wins over the sweep (precedence), so the columns show the --set value;
            // a key a point does not name has the base's value (after --set), which is what the run used.
            Points = points.Select(p => p with
            {
                Parameters = paths.Select(path => sets.LastOrDefault(o => o.Path == path) ?? p.Parameters.LastOrDefault(o => o.Path == path) ?? BaseValue(p.Spec, original, path)).ToList(),
            }).ToList(),
            ParameterPaths = paths,
            Sets = sets,
        };
    }

    /// <summary>
    /// Refuses <c>stop_at_quiescence</c> where a quiet week is no end: only the classic threshold
    /// rules (no learning, an adoption threshold) are deterministic once their thresholds are drawn.
    /// In the learning model a week in which nobody changed stage is common early on (trained teams
    /// practising, nobody yet competent) and the spread goes on after it, so stopping there froze
    /// one arm and not another and changed the answer.
    /// </summary>
    private static void CheckQuiescence(ParseContext context, List<SweepPoint> points, ScenarioOverride? cause)
    {
        static bool Exact(ScenarioSpec s) => !s.Model.Learning && s.Model.Adoption is AdoptionRule.FractionalThreshold or AdoptionRule.AbsoluteThreshold;
        if (!points.Any(p => p.Spec.StopAtQuiescence && !Exact(p.Spec)))
        {
            return;
        }

        const string Problem = "stop_at_quiescence is exact only for the classic threshold rules (model.learning: false with adoption.rule fractional-threshold or absolute-threshold); in this model a week in which nobody changes stage can come before the spread does, so remove the key";
        YamlDotNet.Core.Mark at = context.Locate("stop_at_quiescence");
        throw new ScenarioException([cause is not null ? new ScenarioError(context.File, 0, 0, $"--set {cause.Brief}: {Problem}")
            : at.Equals(YamlDotNet.Core.Mark.Empty) ? new ScenarioError(context.File, 0, 0, Problem) : new ScenarioError(context.File, (int)at.Line, (int)at.Column, Problem)]);
    }

    /// <summary>
    /// Refuses more runs than <see cref="ScenarioLimits.MaxRuns"/> before any point is read (or the
    /// runs planned): at the <c>--set</c> that made them so many, else at the replicates or the sweep.
    /// </summary>
    private static void CheckRuns(ParseContext context, ScenarioSpec spec, int points, ScenarioOverride? cause)
    {
        if (ScenarioLimits.RunsProblem(points, spec.Arms.Count, spec.Replicates) is not { } problem)
        {
            return;
        }

        if (cause is not null)
        {
            throw new ScenarioException([new ScenarioError(context.File, 0, 0, $"--set {cause.Brief}: {problem}")]);
        }

        YamlDotNet.Core.Mark at = context.Locate("replicates");
        at = at.Equals(YamlDotNet.Core.Mark.Empty) ? context.Locate("sweep") : at;
        at = at.Equals(YamlDotNet.Core.Mark.Empty) ? context.Locate("sensitivity") : at;
        at = at.Equals(YamlDotNet.Core.Mark.Empty) ? context.Locate("arms") : at;
        throw new ScenarioException([at.Equals(YamlDotNet.Core.Mark.Empty) ? new ScenarioError(context.File, 0, 0, problem) : new ScenarioError(context.File, (int)at.Line, (int)at.Column, problem)]);
    }

    /// <summary>
    /// Whether an error message is about the key at <paramref name="path"/>: it names the key as
    /// unknown, or quotes the key's last part before any suggestion (so that "did you mean 'seed'?"
    /// does not blame a <c>--set seed=N</c>).
    /// </summary>
    private static bool Concerns(string message, string path)
    {
        string[] keys = path.Split('.');
        Match unknown = UnknownKey().Match(message);
        if (unknown.Success)
        {
            return keys.Contains(unknown.Groups[1].Value, StringComparer.Ordinal);
        }

        string problem = message.Split("; ", 2)[0];
        if (problem.Contains($"'{keys[^1]}'", StringComparison.Ordinal))
        {
            return true;
        }

        // The message names a key path first ("arms[0].seeding.budget is 0"): the --set concerns it when
        // one path lies inside the other (a wave "seeding[1]" inside "seeding"), arms compared by position
        // ("arms.a.…" and "arms[0].…" alike).
        string named = Comparable(problem.Split(' ', 2)[0]), set = Comparable(path);
        return named == set || named.StartsWith(set + ".", StringComparison.Ordinal) || named.StartsWith(set + "[", StringComparison.Ordinal) || set.StartsWith(named + ".", StringComparison.Ordinal);
    }

    /// <summary>A key path with any arm written as <c>arms.*</c>, whether by index (<c>arms[0]</c>) or by name (<c>arms.top-down</c>).</summary>
    private static string Comparable(string path) =>
        ArmByIndex().Replace(path.StartsWith("arms.", StringComparison.Ordinal) ? "arms.*" + path[(path.IndexOf('.', 5) is int dot and > 0 ? dot : path.Length)..] : path, "arms.*");

    [GeneratedRegex(@"^arms\[\d+\]")]
    private static partial Regex ArmByIndex();

    /// <summary>
    /// The value a point that does not name <paramref name="path"/> runs with: the base's, as the
    /// point's scenario holds it, or as the base file (after <c>--set</c>) writes it where the
    /// scenario keeps no such key (<c>organisation.levels</c>); marked with the source <c>base</c>.
    /// </summary>
    private static ScenarioOverride BaseValue(ScenarioSpec spec, YamlMappingNode tree, string path)
    {
        string text = ScenarioJson.ValueText(spec, path) ?? (YamlOverrides.Find(tree, path) is { } node ? YamlFlow.Format(node) : string.Empty);
        return new ScenarioOverride(path, new YamlScalarNode(text), ScenarioOverride.BaseSource);
    }

    /// <summary>The comment lines at the top of the file, '#' and one space removed, joined by line breaks.</summary>
    /// <summary>
    /// The question the scenario asks: its <c>question</c> key when it has one, else its opening
    /// comment (which stays a comment, so a file written before the key reads as before).
    /// </summary>
    private static string Question(YamlMappingNode root, IReadOnlyList<ScenarioOverride> sets, string text)
    {
        YamlNode? node = sets.LastOrDefault(s => s.Path == "question")?.Value
            ?? (root.Children.TryGetValue(new YamlScalarNode("question"), out YamlNode? key) ? key : null);
        return node is YamlScalarNode { Value: { } question } && !string.IsNullOrWhiteSpace(question) ? question.Trim() : OpeningComment(text);
    }

    private static string OpeningComment(string text)
    {
        var lines = new List<string>();
        foreach (string line in text.Split('\n'))
        {
            string trimmed = line.TrimEnd('\r');
            if (!trimmed.StartsWith('#'))
            {
                break;
            }

            lines.Add(trimmed.Length > 1 && trimmed[1] == ' ' ? trimmed[2..] : trimmed[1..]);
        }

        return string.Join('\n', lines).Trim();
    }

    /// <summary>
    /// Each point is the base with the point's values and then the <c>--set</c> values applied, read
    /// like a file of its own. Its errors say which point; one without a line (a key the point
    /// added) is placed at the sweep.
    /// </summary>
    private static List<SweepPoint> ReadPoints(ParseContext baseContext, Func<YamlMappingNode> freshBase, List<List<ScenarioOverride>> pointValues, IReadOnlyList<ScenarioOverride> sets, Action<YamlMappingNode, IReadOnlyList<ScenarioOverride>>? adjust)
    {
        string file = baseContext.File;
        var points = new List<SweepPoint>();
        var errors = new List<(ScenarioError Error, string Label)>();
        YamlDotNet.Core.Mark sweepAt = baseContext.Locate("sweep") is var at && !at.Equals(YamlDotNet.Core.Mark.Empty) ? at : baseContext.Locate("sensitivity");
        for (int i = 0; i < pointValues.Count; i++)
        {
            var context = new ParseContext(file) { DataFolder = baseContext.DataFolder };
            YamlMappingNode root = freshBase();
            string label = SweepPoint.Describe(i, pointValues[i]);
            foreach (ScenarioOverride value in pointValues[i].Concat(sets))
            {
                if (YamlOverrides.Apply(root, value) is { } problem)
                {
                    bool placed = value.Source != "--set" && !sweepAt.Equals(YamlDotNet.Core.Mark.Empty);
                    errors.Add((new ScenarioError(file, placed ? (int)sweepAt.Line : 0, placed ? (int)sweepAt.Column : 0, problem), label));
                }
            }

            adjust?.Invoke(root, [.. pointValues[i], .. sets]);
            ScenarioSpec spec = ReadScenario(context, YamlMappingReader.For(context, root, string.Empty)!, DefaultName(file), sets);
            errors.AddRange(context.Errors.Select(e => (Locate(e, pointValues[i], sweepAt, baseContext), label)));
            baseContext.Warnings.AddRange(context.Warnings);
            points.Add(new SweepPoint(i, pointValues[i], spec));
        }

        if (errors.Count > 0)
        {
            // A mistake that many points share (a bad value of one grid axis) is one line, naming the first point and how many more.
            List<ScenarioError> lines = errors.GroupBy(e => e.Error.ToString(), StringComparer.Ordinal).Select(g =>
            {
                int more = g.Select(e => e.Label).Distinct(StringComparer.Ordinal).Count() - 1;
                string also = more == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" and {more:N0} more point{(more == 1 ? string.Empty : "s")}");
                return g.First().Error with { Message = $"{g.First().Label}{also}: {g.First().Error.Message}" };
            }).ToList();

            // Mistakes that differ only in their values (a design's values are all different) would
            // fill the screen: the first few say what to fix.
            if (lines.Count > MaxPointErrors)
            {
                int rest = lines.Count - MaxPointErrors;
                lines = [.. lines.Take(MaxPointErrors), new ScenarioError(file, 0, 0, string.Create(CultureInfo.InvariantCulture, $"and {rest:N0} more mistake{(rest == 1 ? string.Empty : "s")} at other points, of the kinds above; fix those and run again"))];
            }

            throw new ScenarioException(lines.OrderBy(e => e.Line == 0 ? int.MaxValue : e.Line).ThenBy(e => e.Column).ToList());
        }

        return points;
    }

    /// <summary>The most lines the mistakes of a sweep's or design's points are reported in.</summary>
    private const int MaxPointErrors = 5;

    /// <summary>
    /// Where a point's error belongs. A key the point added has no place in the file (YamlDotNet marks
    /// it 1:1): it is placed at the value of the override that names it, else at the sweep.
    /// </summary>
    private static ScenarioError Locate(ScenarioError error, List<ScenarioOverride> values, YamlDotNet.Core.Mark sweepAt, ParseContext baseContext)
    {
        if (error.Line > 1 || (error.Line == 1 && error.Column > 1))
        {
            return error;
        }

        ScenarioOverride? cause = values.FirstOrDefault(o => Concerns(error.Message, o.Path));
        if (cause?.Source == "--set" || (cause is null && sweepAt.Equals(YamlDotNet.Core.Mark.Empty)))
        {
            // A point of a sweep given on the command line has no place in the file.
            return error with { Line = 0, Column = 0 };
        }

        // A design's value is placed at its parameter in the sensitivity section.
        YamlDotNet.Core.Mark at = cause is { Source: "sensitivity" or CalibrationReader.Name } ? baseContext.Locate($"{cause.Source}.parameters.{cause.Path}")
            : cause is not null && !cause.Value.Start.Equals(YamlDotNet.Core.Mark.Empty) ? cause.Value.Start : sweepAt;
        if (at.Equals(YamlDotNet.Core.Mark.Empty))
        {
            return error with { Line = 0, Column = 0 }; // a parameter a --set gave has no place in the file
        }

        return error with { Line = (int)at.Line, Column = (int)at.Column };
    }

    private static ScenarioSpec ReadScenario(ParseContext context, YamlMappingReader root, string defaultName, IReadOnlyList<ScenarioOverride> sets)
    {
        var defaults = new ScenarioSpec { Name = defaultName, Arms = [] };
        string name = root.String("name", defaults.Name);
        if (!SafeName().IsMatch(name))
        {
            context.Error(context.Locate("name"), $"name is '{name}'; use letters, digits, '.', '_' or '-', starting with a letter or digit (it names the output folder)");
        }
        else if (name.Length > ScenarioLimits.MaxNameLength)
        {
            context.Error(context.Locate("name"), $"name is {name.Length} characters long; use at most {ScenarioLimits.MaxNameLength} (it names the output folder)");
        }

        var spec = defaults with
        {
            Name = name,
            Description = root.String("description", defaults.Description),
            Title = root.String("title", defaults.Title),
            Seed = root.ULong("seed", defaults.Seed),
        };

        if (spec.Title.IndexOfAny(['\n', '\r', '\t']) >= 0)
        {
            context.Error(context.Locate("title"), "title is one line (it heads the report and the first slide); put the rest in question");
        }

        if (spec.Title.Length > ScenarioLimits.MaxTitleLength)
        {
            context.Error(context.Locate("title"), string.Create(CultureInfo.InvariantCulture, $"title is {spec.Title.Length:N0} characters long; use at most {ScenarioLimits.MaxTitleLength} (it heads the report; put the rest in question)"));
        }

        // Read for its checks only: the question is the loaded scenario's (see Question), as run.json records it.
        if (root.String("question", string.Empty) is { Length: > ScenarioLimits.MaxQuestionLength } longQuestion)
        {
            context.Error(context.Locate("question"), string.Create(CultureInfo.InvariantCulture, $"question is {longQuestion.Length:N0} characters long; use at most {ScenarioLimits.MaxQuestionLength:N0} (a few paragraphs; the rest belongs in docs)"));
        }
        spec = ParameterCatalogue.Run.Read(root, spec, rejectUnknownKeys: false);
        spec = spec with
        {
            Organisation = OrganisationReader.Read(context, root.Mapping("organisation")),
            Model = ParameterCatalogue.Model.Read(root.Mapping("model"), ParameterCatalogue.Model.Defaults),
            Metrics = ParameterCatalogue.Metrics.Read(root.Mapping("metrics"), ParameterCatalogue.Metrics.Defaults),
        };
        spec = spec with { Organisation = OrganisationReader.ImportFile(context, spec.Organisation, spec.Seed) };
        spec = spec with { Arms = ReadArms(context, root, spec) };
        spec = spec with { Organisation = AttributeReader.Check(context, spec) };

        // The sweep was taken off the tree and read apart; naming it here lets a misspelt key suggest it.
        root.Node("sweep");
        root.Node("sensitivity");
        root.Node(CalibrationReader.Name);
        root.RejectUnknownKeys();
        return spec;
    }

    private static List<ArmSpec> ReadArms(ParseContext context, YamlMappingReader root, ScenarioSpec scenario)
    {
        var arms = new List<ArmSpec>();
        YamlSequenceNode? sequence = root.Sequence("arms", "arms, each with a name and a seeding");
        if (sequence is null)
        {
            if (!root.Has("arms"))
            {
                context.Error(root.Start, "arms is missing; add at least one arm, e.g. 'arms: [{name: top-down, seeding: {strategy: top-down, budget: 50}}]'");
            }

            return arms;
        }

        if (sequence.Children.Count == 0)
        {
            context.Error(sequence.Start, "arms is empty; add at least one arm with a name and a seeding");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < sequence.Children.Count; i++)
        {
            string path = $"arms[{i}]";
            context.Remember(path, sequence.Children[i].Start);
            if (YamlMappingReader.For(context, sequence.Children[i], path) is not { } arm)
            {
                continue;
            }

            string name = arm.String("name", $"arm-{i + 1}");
            if (!ArmName().IsMatch(name))
            {
                // An arm is named in key paths (arms.NAME.seeding.budget), which a '.' would split.
                string dot = name.Contains('.', StringComparison.Ordinal) ? " (a '.' would split key paths such as arms.NAME.seeding.budget)" : string.Empty;
                context.Error(context.Locate($"{path}.name"), $"{path}.name is '{name}'; use letters, digits, '_' or '-', starting with a letter or digit{dot}");
            }
            else if (name.Length > ScenarioLimits.MaxArmNameLength)
            {
                context.Error(context.Locate($"{path}.name"), string.Create(CultureInfo.InvariantCulture, $"{path}.name is {name.Length} characters long; use at most {ScenarioLimits.MaxArmNameLength} (it labels the charts' legends; say more in the question)"));
            }
            else if (!seen.Add(name))
            {
                context.Error(context.Locate($"{path}.name"), $"{path}.name '{name}' is used by an earlier arm; give each arm its own name");
            }

            if (!arm.Has("seeding"))
            {
                context.Error(arm.Start, $"{path}.seeding is missing; add e.g. 'seeding: {{strategy: bottom-up-teams, budget: 50}}'");
            }

            List<(SeedingPlan Plan, double? Share)> waves = ReadWaves(context, arm, $"{path}.seeding", scenario);
            ModelParameters model = ParameterCatalogue.Model.Read(arm.Mapping("model"), scenario.Model);
            arm.RejectUnknownKeys();
            arms.Add(new ArmSpec(name, waves.Select(w => w.Plan).ToList(), model)
            {
                WaveShares = waves.Any(w => w.Share is not null) ? waves.Select(w => w.Share).ToList() : [],
            });
        }

        return arms;
    }

    /// <summary>An arm's seeding: one mapping (a single training) or a sequence of them (waves, each with its week).</summary>
    private static List<(SeedingPlan Plan, double? Share)> ReadWaves(ParseContext context, YamlMappingReader arm, string path, ScenarioSpec scenario)
    {
        if (arm.Node("seeding") is not YamlSequenceNode sequence)
        {
            return [ReadSeeding(context, arm.Mapping("seeding"), path, scenario)];
        }

        if (sequence.Children.Count == 0)
        {
            context.Error(sequence.Start, $"{path} is an empty list; give one seeding, or a list of waves each with strategy, budget and week");
            return [ReadSeeding(context, null, path, scenario)];
        }

        var waves = new List<(SeedingPlan Plan, double? Share)>();
        for (int w = 0; w < sequence.Children.Count; w++)
        {
            string wavePath = $"{path}[{w}]";
            context.Remember(wavePath, sequence.Children[w].Start);
            var wave = ReadSeeding(context, YamlMappingReader.For(context, sequence.Children[w], wavePath), wavePath, scenario);
            if (waves.Count > 0 && wave.Plan.Week < waves[^1].Plan.Week)
            {
                context.Error(context.Locate($"{wavePath}.week"), $"{wavePath}.week is {wave.Plan.Week}, before the previous wave's week {waves[^1].Plan.Week}; list the waves in week order");
            }

            waves.Add(wave);
        }

        return waves;
    }

    private static (SeedingPlan Plan, double? Share) ReadSeeding(ParseContext context, YamlMappingReader? reader, string path, ScenarioSpec scenario)
    {
        int agents = scenario.Organisation.Agents;
        var fallback = new SeedingPlan(SeedingStrategy.TopDown, 1, CompetencySet.All);
        if (reader is null)
        {
            return (fallback, null);
        }

        if (!reader.Has("strategy"))
        {
            context.Error(reader.Start, $"{path}.strategy is missing; use one of {string.Join(", ", ScenarioNames.Strategies.Keys)}");
        }

        SeedingStrategy strategy = reader.Choice("strategy", fallback.Strategy, ScenarioNames.Strategies);
        if (strategy == SeedingStrategy.None)
        {
            return (ReadNobody(context, reader, path, scenario), null);
        }

        if (strategy is SeedingStrategy.Neighbourhood or SeedingStrategy.RandomNeighbourhoods)
        {
            return (ReadNeighbourhoods(context, reader, path, scenario, strategy), null);
        }

        RejectKeys(context, reader, path, strategy, ["centre", "neighbourhoods"]);

        if (reader.Has("budget") == reader.Has("share"))
        {
            context.Error(reader.Start, $"{path} needs exactly one of budget (a number of agents) and share (a share of all agents, e.g. 0.05)");
        }

        // A share becomes a budget here, so that every strategy sees a number of agents.
        double share = reader.Double("share", 0, 0, 1);
        int budget = reader.Int("budget", fallback.Budget, 1, HierarchyOptions.MaxAgents);
        if (reader.Has("share"))
        {
            budget = Math.Max(1, (int)Math.Round(share * agents, MidpointRounding.AwayFromZero));
        }

        var plan = new SeedingPlan(
            strategy,
            budget,
            ReadCompetencies(context, reader.Node("competencies"), $"{path}.competencies"),
            reader.Choice("stage", Stage.ConsciousCompetence, ScenarioNames.SeedStageNames),
            reader.Int("week", 0, 0, scenario.HorizonWeeks));
        reader.RejectUnknownKeys();
        return (plan, reader.Has("share") ? share : null);
    }

    /// <summary>
    /// Strategy none: an arm that trains nobody, for pure Bass innovation. Budget, share,
    /// competencies and stage would describe seeds that do not exist, so each is an error.
    /// </summary>
    private static SeedingPlan ReadNobody(ParseContext context, YamlMappingReader reader, string path, ScenarioSpec scenario)
    {
        RejectKeys(context, reader, path, SeedingStrategy.None, ["budget", "share", "competencies", "stage", "centre", "neighbourhoods"]);
        var plan = new SeedingPlan(SeedingStrategy.None, 0, CompetencySet.All, Week: reader.Int("week", 0, 0, scenario.HorizonWeeks));
        reader.RejectUnknownKeys();
        return plan;
    }

    /// <summary>
    /// Strategy neighbourhood (one agent, <c>centre</c>, and all its contacts) or random-neighbourhoods
    /// (<c>neighbourhoods</c> centres drawn at random, each with its contacts). The number of agents
    /// seeded follows from the network, so budget and share are errors; the centre is checked against
    /// the organisation before running (<see cref="Running.Preflight"/>).
    /// </summary>
    private static SeedingPlan ReadNeighbourhoods(ParseContext context, YamlMappingReader reader, string path, ScenarioSpec scenario, SeedingStrategy strategy)
    {
        bool single = strategy == SeedingStrategy.Neighbourhood;
        string own = single ? "centre" : "neighbourhoods";
        RejectKeys(context, reader, path, strategy, ["budget", "share", single ? "neighbourhoods" : "centre"]);
        if (!reader.Has(own))
        {
            string example = single ? "'centre: 0', the id of the agent whose neighbourhood is trained" : "'neighbourhoods: 5', how many neighbourhoods are drawn";
            context.Error(reader.Start, $"{path}.{own} is missing; strategy {ScenarioNames.Name(strategy)} needs it, e.g. {example}");
        }

        int centre = single ? reader.Int("centre", 0, 0, HierarchyOptions.MaxAgents - 1) : -1;
        int count = single ? 1 : reader.Int("neighbourhoods", 1, 1, HierarchyOptions.MaxAgents);
        var plan = new SeedingPlan(
            strategy,
            count,
            ReadCompetencies(context, reader.Node("competencies"), $"{path}.competencies"),
            reader.Choice("stage", Stage.ConsciousCompetence, ScenarioNames.SeedStageNames),
            reader.Int("week", 0, 0, scenario.HorizonWeeks),
            centre);
        reader.RejectUnknownKeys();
        return plan;
    }

    /// <summary>An error at each of <paramref name="keys"/> that <paramref name="strategy"/> does not read.</summary>
    private static void RejectKeys(ParseContext context, YamlMappingReader reader, string path, SeedingStrategy strategy, string[] keys)
    {
        foreach (string key in keys)
        {
            if (reader.Node(key) is { } node)
            {
                string why = strategy switch
                {
                    SeedingStrategy.None => "which seeds nobody",
                    SeedingStrategy.Neighbourhood => "which seeds one agent and its contacts",
                    SeedingStrategy.RandomNeighbourhoods => "which seeds neighbourhoods (count them with neighbourhoods)",
                    _ => "which seeds a budget of agents",
                };
                context.Error(node.Start, $"{path}.{key} does not apply to strategy {ScenarioNames.Name(strategy)}, {why}; remove it");
            }
        }
    }

    private static CompetencySet ReadCompetencies(ParseContext context, YamlNode? node, string path)
    {
        IEnumerable<YamlNode> items = node switch
        {
            null => [],
            YamlScalarNode scalar => [scalar],
            YamlSequenceNode sequence => sequence.Children,
            _ => [node],
        };
        var set = CompetencySet.None;
        bool itemErrors = false;
        foreach (YamlNode item in items)
        {
            int before = context.Errors.Count;
            if (item is not YamlScalarNode scalar)
            {
                context.Error(item.Start, $"{path} should list competency names: {string.Join(", ", ScenarioNames.CompetencyNames.Keys)}");
            }
            else
            {
                set = new CompetencySet((byte)(set.Bits | YamlMappingReader.ChoiceOf(context, scalar, path, CompetencySet.None, ScenarioNames.CompetencyNames).Bits));
            }

            itemErrors |= context.Errors.Count > before;
        }

        if (node is not null && set.Count == 0 && !itemErrors)
        {
            context.Error(node.Start, $"{path} is empty; list at least one competency or write 'all'");
        }

        return node is null ? CompetencySet.All : set;
    }

    private static int? FirstTabIndentedLine(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string indent = lines[i][..(lines[i].Length - lines[i].TrimStart(' ', '\t').Length)];
            if (indent.Contains('\t', StringComparison.Ordinal) && lines[i].Trim().Length > 0 && !lines[i].TrimStart().StartsWith('#'))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static string DefaultName(string file)
    {
        string stem = Path.GetFileNameWithoutExtension(file);
        return SafeName().IsMatch(stem) && stem.Length <= ScenarioLimits.MaxNameLength ? stem : "scenario";
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SafeName();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex ArmName();

    [GeneratedRegex("^unknown key '([^']*)'")]
    private static partial Regex UnknownKey();
}
