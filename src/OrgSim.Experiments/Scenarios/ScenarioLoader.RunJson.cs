using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Output;
using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <content>
/// Reading a <c>run.json</c> back as the scenario that made it. Its body holds every value the
/// run used under the scenario's own keys, so it is read by the same code as a scenario file
/// (JSON is YAML), once the provenance keys are taken off and the few keys written for readers
/// rather than for reading back (an import's agent count and hash, a budget computed from a
/// share) are put back as a scenario gives them. The result equals the original's: the same
/// base, sweep points and arms, and the same <c>run.json</c> when written again.
/// </content>
public static partial class ScenarioLoader
{
    private static readonly string[] ProvenanceKeys = ["tool", "version", "scenario_file", "overrides", "question", "sweep", "sensitivity"];

    private static bool IsRunJson(string file) => string.Equals(Path.GetExtension(file), ".json", StringComparison.OrdinalIgnoreCase);

    private static LoadedScenario ParseRunJson(string text, string file, IReadOnlyList<ScenarioOverride> sets)
    {
        var (stream, line, column, problem, _) = YamlText.Parse(text);
        if (stream is null)
        {
            throw new ScenarioException([new ScenarioError(file, line, column, $"is not a valid run.json ({problem})")]);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root || Text(root, "tool") != "orgsim")
        {
            throw new ScenarioException([new ScenarioError(file, 0, 0, "is not a run.json written by orgsim (it has no \"tool\": \"orgsim\"); give a scenario file (.yaml) or the run.json of an orgsim run")]);
        }

        var errors = sets.Where(SweepOverrides.IsSweep).Select(set => new ScenarioError(file, 0, 0, $"--set {set.Path}={set.Text}: a run.json's sweep is the one its run had; to change the sweep, run the scenario file with this --set"))
            .Concat(sets.Where(SensitivityOverrides.IsSensitivity).Select(set => new ScenarioError(file, 0, 0, $"--set {set.Path}={set.Text}: a run.json's sensitivity design is the one its run had; to change it, run the scenario file with this --set"))).ToList();
        void Error(YamlNode at, string message) => errors.Add(new ScenarioError(file, (int)at.Start.Line, (int)at.Start.Column, message));
        RunJsonHeader header = RunJsonHeader.Read(root, Error);
        if (errors.Count > 0)
        {
            throw new ScenarioException(errors);
        }

        // A data file is relative to the scenario the run came from, as it was reached then; failing that, next to run.json.
        string scenarioFolder = Path.GetDirectoryName(header.ScenarioPath) ?? string.Empty;
        string? dataFile = (Node(root, "organisation") as YamlMappingNode) is { } o ? Text(o, "file") : null;
        string runFolder = Path.GetDirectoryName(file) ?? string.Empty;
        string dataFolder = dataFile is not null && !File.Exists(Path.Combine(scenarioFolder, dataFile)) && File.Exists(Path.Combine(runFolder, dataFile)) ? runFolder : scenarioFolder;
        var context = new ParseContext(file)
        {
            DataFolder = dataFolder,
            DataFolderHint = $"a run.json's data file is looked for relative to the scenario the run came from ({header.ScenarioPath}), from the folder the run was started in, then next to run.json; run from that folder or copy the file next to run.json",
        };
        if (Node(root, "sweep") is { } sweep)
        {
            context.Remember("sweep", sweep.Start);
        }

        string baseText = WithoutEntries(text, root, "sweep", "sensitivity");
        YamlNode? sensitivityNode = Node(root, "sensitivity");
        string? attributesSha256 = Node(root, "organisation") is YamlMappingNode organisation ? Text(organisation, "attributes_sha256") : null;
        string? dataSha256 = AsScenario(root);
        LoadedScenario loaded = Build(context, root, FreshTree, header.Points, header.Points is null ? null : header.Parameters, sets, FitOrganisation);
        if (sensitivityNode is not null)
        {
            loaded = loaded with { Sensitivity = SensitivityOf(context, sensitivityNode, loaded) };
        }

        if (dataSha256 is not null && loaded.Spec.Organisation.ImportSha256.Length > 0 && loaded.Spec.Organisation.ImportSha256 != dataSha256)
        {
            throw new ScenarioException([(loaded with { ReadFrom = file }).ErrorAt("organisation.file", $"organisation.file '{loaded.Spec.Organisation.ImportFile}' has changed since the run (it was read from {loaded.Spec.Organisation.ImportPath}, SHA-256 {loaded.Spec.Organisation.ImportSha256}; the run read {dataSha256}); restore the file the run read, or run the scenario file to use the new one")]);
        }

        OrganisationSpec read = loaded.Spec.Organisation;
        if (attributesSha256 is not null && read.AttributesSha256.Length > 0 && read.AttributesSha256 != attributesSha256)
        {
            throw new ScenarioException([(loaded with { ReadFrom = file }).ErrorAt("organisation.attributes", $"organisation.attributes '{read.AttributesFile}' has changed since the run (it was read from {read.AttributesPath}, SHA-256 {read.AttributesSha256}; the run read {attributesSha256}); restore the file the run read, or run the scenario file to use the new one")]);
        }

        var warnings = loaded.Warnings.ToList();
        if (header.Version != RunManifest.ToolVersion)
        {
            warnings.Insert(0, $"{file}: written by orgsim {header.Version}, this is {RunManifest.ToolVersion}; the same values give the same results only if the model did not change between the two");
        }

        return loaded with
        {
            File = header.ScenarioPath,
            Sha256 = header.ScenarioSha256,
            ReadFrom = file,
            Sets = [.. header.Overrides, .. sets],
            Question = header.Question,
            Warnings = warnings,
        };

        YamlMappingNode FreshTree()
        {
            var fresh = (YamlMappingNode)YamlText.Parse(baseText).Stream!.Documents[0].RootNode;
            AsScenario(fresh);
            return fresh;
        }
    }

    /// <summary>
    /// The sensitivity section of a run.json, checked to make the very points the run.json lists: a
    /// design that does not would analyse the runs against the wrong values.
    /// </summary>
    private static Sensitivity.SensitivitySpec SensitivityOf(ParseContext context, YamlNode node, LoadedScenario loaded)
    {
        const string Damaged = "this run.json is damaged, so rerun the scenario file instead";
        if (SensitivityReader.Read(context, node) is { } section)
        {
            var (spec, points) = SensitivityReader.Points(context, section, loaded.Spec, path => TakesWholeNumbers(context, loaded.Spec, path));
            bool same = context.Errors.Count == 0 && points.Count == loaded.PointsOrBase.Count
                && points.Zip(loaded.PointsOrBase).All(pair => pair.First.All(o => pair.Second.ValueOf(o.Path) == o.Text));
            if (same)
            {
                return spec;
            }

            context.Errors.Add(new ScenarioError(context.File, (int)node.Start.Line, (int)node.Start.Column, $"sensitivity does not make the points listed under sweep; {Damaged}"));
        }

        throw new ScenarioException(context.Errors.Select(e => e with { Message = e.Message.EndsWith(Damaged, StringComparison.Ordinal) ? e.Message : $"{e.Message}; {Damaged}" }).ToList());
    }

    /// <summary>
    /// Turns the tree of a run.json into a scenario's: drops the provenance keys, an empty description or title,
    /// the organisation keys its generator does not read (the data hash is returned), and a budget given as a share; one seeding
    /// wave becomes the arm's seeding mapping, so that <c>--set arms.NAME.seeding.budget=…</c> works as on the file.
    /// </summary>
    private static string? AsScenario(YamlMappingNode root)
    {
        foreach (string key in ProvenanceKeys)
        {
            root.Children.Remove(new YamlScalarNode(key));
        }

        foreach (string key in (string[])["description", "title"])
        {
            if (Text(root, key) is "")
            {
                root.Children.Remove(new YamlScalarNode(key));
            }
        }

        string? dataSha256 = Node(root, "organisation") is YamlMappingNode organisation ? Text(organisation, "file_sha256") : null;
        FitOrganisation(root, []);
        if (Node(root, "arms") is YamlSequenceNode arms)
        {
            foreach (YamlMappingNode arm in arms.Children.OfType<YamlMappingNode>())
            {
                if (Node(arm, "seeding") is not YamlSequenceNode waves)
                {
                    continue;
                }

                foreach (YamlMappingNode wave in waves.Children.OfType<YamlMappingNode>().Where(w => Node(w, "share") is not null))
                {
                    wave.Children.Remove(new YamlScalarNode("budget"));
                }

                if (waves.Children.Count == 1)
                {
                    arm.Children[new YamlScalarNode("seeding")] = waves.Children[0];
                }
            }
        }

        return dataSha256;
    }

    /// <summary>
    /// Drops from a run.json's organisation what its generator does not read: the data file's hash,
    /// an import's agent count, and — at a sweep point that changes the generator — the keys the base's
    /// generator wrote, unless the point or a <c>--set</c> names them (then they are its mistake, reported as such).
    /// </summary>
    private static void FitOrganisation(YamlMappingNode root, IReadOnlyList<ScenarioOverride> named)
    {
        if (Node(root, "organisation") is not YamlMappingNode organisation)
        {
            return;
        }

        organisation.Children.Remove(new YamlScalarNode("file_sha256"));
        organisation.Children.Remove(new YamlScalarNode("attributes_sha256"));
        if (Text(organisation, "generator") is not { } generator || !ScenarioNames.Generators.TryGetValue(generator, out NetworkKind kind))
        {
            return;
        }

        IEnumerable<string> unread = OrganisationReader.AllGeneratorKeys.Except(OrganisationReader.KeysOf(kind));
        if (kind is NetworkKind.HrExport or NetworkKind.EdgeList)
        {
            unread = unread.Append("agents");
        }

        foreach (string key in unread.Where(k => !named.Any(o => o.Path == $"organisation.{k}" || o.Path.StartsWith($"organisation.{k}.", StringComparison.Ordinal))))
        {
            organisation.Children.Remove(new YamlScalarNode(key));
        }
    }

    private static YamlNode? Node(YamlMappingNode mapping, string key) => mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? node : null;

    private static string? Text(YamlMappingNode mapping, string key) => Node(mapping, key) is YamlScalarNode scalar ? scalar.Value : null;
}
