using OrgSim.Core.Graph;
using OrgSim.Core.Graph.Overlays;
using System.Security.Cryptography;
using OrgSim.Experiments.Import;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Running;
using YamlDotNet.RepresentationModel;

namespace OrgSim.Experiments.Scenarios;

/// <summary>Reads the <c>organisation</c> section of a scenario: the generator, its parameters and the overlays.</summary>
internal static class OrganisationReader
{
    private static readonly string[] GeneratorKeys =
    [
        "span", "levels", "cross_team_ties_per_agent", "executive_levels", "functions", "sites", "remote_share", "remote_tie_weight",
        "cross_function_share", "degree", "tie_probability", "rewire", "attachments", "width", "team_size", "file", "columns", "max_team_size",
        "swaps_per_tie",
    ];

    private static readonly string[] HierarchyKeys =
        ["span", "levels", "cross_team_ties_per_agent", "executive_levels", "functions", "sites", "remote_share", "remote_tie_weight", "cross_function_share"];

    public static OrganisationSpec Read(ParseContext context, YamlMappingReader? reader)
    {
        var d = new OrganisationSpec();
        if (reader is null)
        {
            return d;
        }

        NetworkKind kind = reader.Choice("generator", NetworkKind.Hierarchy, ScenarioNames.Generators);
        var h = new HierarchyOptions();
        (int spanMin, int spanMax) = ReadSpan(context, reader, h.Span);
        double? crossFunction = reader.Has("cross_function_share") ? reader.Double("cross_function_share", 0, 0, 1) : null;
        var hierarchy = new HierarchyOptions
        {
            Agents = reader.Int("agents", h.Agents, 1, HierarchyOptions.MaxAgents),
            Span = spanMin,
            SpanMax = spanMax,
            CrossTeamTiesPerAgent = reader.Double("cross_team_ties_per_agent", h.CrossTeamTiesPerAgent, 0, HierarchyOptions.MaxCrossTeamTies),
            ExecutiveLevels = reader.Int("executive_levels", h.ExecutiveLevels, 0, 255),
            Functions = reader.Int("functions", h.Functions, 1, 1_000),
            Sites = reader.Int("sites", h.Sites, 1, 1_000),
            RemoteShare = reader.Double("remote_share", h.RemoteShare, 0, 1),
            RemoteTieWeight = reader.Double("remote_tie_weight", h.RemoteTieWeight, 0.001, 1),
            CrossFunctionShare = crossFunction,
        };
        hierarchy = WithLevels(context, reader, hierarchy);
        var spec = new OrganisationSpec
        {
            Kind = kind,
            Hierarchy = hierarchy,
            Degree = reader.Double("degree", d.Degree, 0, HierarchyOptions.MaxAgents),
            TieProbability = reader.Has("tie_probability") ? reader.Double("tie_probability", 0, 0, 1) : null,
            Rewire = reader.Double("rewire", d.Rewire, 0, 1),
            SwapsPerTie = reader.Double("swaps_per_tie", d.SwapsPerTie, 0, DegreePreservingRewiring.MaxSwapsPerTie),
            Attachments = reader.Int("attachments", d.Attachments, 1, HierarchyOptions.MaxAgents),
            Width = reader.Int("width", d.Width, 1, HierarchyOptions.MaxAgents),
            TeamSize = reader.Int("team_size", d.TeamSize, 1, 1_000),
            Overlays = ReadOverlays(context, reader.Mapping("overlays")),
            ImportFile = reader.String("file", string.Empty),
            AttributesFile = reader.String("attributes", string.Empty),
            HrImport = new HrImportOptions
            {
                Columns = ReadColumns(reader.Mapping("columns")),
                ExecutiveLevels = hierarchy.ExecutiveLevels,
                CrossTeamTiesPerAgent = reader.Has("cross_team_ties_per_agent") ? hierarchy.CrossTeamTiesPerAgent : 0,
                RemoteTieWeight = hierarchy.RemoteTieWeight,
                MaxTeamSize = reader.Int("max_team_size", new HrImportOptions().MaxTeamSize, 2, HrImportOptions.LargestMaxTeamSize),
            },
        };
        reader.RejectUnknownKeys();

        // A key that the chosen generator ignores is a mistake the user should hear about.
        string[] own = KeysOf(kind);
        foreach (string key in GeneratorKeys.Except(own))
        {
            if (reader.Has(key))
            {
                context.Error(context.Locate($"organisation.{key}"), $"organisation.{key} does not apply to generator {ScenarioNames.Name(kind)}; remove it");
            }
        }

        // Refused here, before anything is built: laying overlays over the implicit complete graph
        // copied its n(n − 1) edges into a builder (46,000 agents: 19.6 GB), for ties that either
        // exist already (every pair meets) or, for coaches, would make the network no longer complete.
        if (kind == NetworkKind.Complete && reader.Has("overlays"))
        {
            context.Error(context.Locate("organisation.overlays"), NoOverlaysOnComplete);
        }

        if (kind is NetworkKind.HrExport or NetworkKind.EdgeList)
        {
            if (reader.Has("agents"))
            {
                context.Error(context.Locate("organisation.agents"), $"organisation.agents comes from the file with generator {ScenarioNames.Name(kind)}; remove it");
            }

            if (spec.ImportFile.Length == 0)
            {
                context.Error(reader.Start, $"organisation.file is missing; generator {ScenarioNames.Name(kind)} reads the organisation from a CSV file, e.g. 'file: data/northwind-hr.csv' (relative to the scenario file)");
            }
        }

        // G(n, m) or G(n, p): two ways to say how dense the network is, so only one may be given.
        if (kind == NetworkKind.ErdosRenyi && reader.Has("degree") && reader.Has("tie_probability"))
        {
            context.Error(
                context.Locate("organisation.tie_probability"),
                "organisation.tie_probability and organisation.degree both size the Erdős–Rényi network; give degree for G(n, m) (exactly n·degree/2 ties) or tie_probability for G(n, p) (each pair tied independently), not both");
        }

        CheckShape(context, spec);
        return spec;
    }

    /// <summary>Why a complete network takes no overlays, and what to do.</summary>
    internal const string NoOverlaysOnComplete =
        "organisation.overlays do not apply to generator complete: every agent already meets every other, so pods, circles, " +
        "skip-level and dotted-line ties would add no tie, and coaches would leave it no longer complete; remove organisation.overlays, or use another generator";

    /// <summary>The generator keys (beyond generator, agents and overlays) that <paramref name="kind"/> reads.</summary>
    public static string[] KeysOf(NetworkKind kind) => kind switch
    {
        NetworkKind.Hierarchy => HierarchyKeys,
        NetworkKind.Teams => ["team_size", "cross_team_ties_per_agent"],
        NetworkKind.HrExport => ["file", "columns", "executive_levels", "cross_team_ties_per_agent", "remote_tie_weight", "max_team_size"],
        NetworkKind.EdgeList => ["file"],
        NetworkKind.Ring => ["degree", "swaps_per_tie"],
        NetworkKind.ErdosRenyi => ["degree", "tie_probability"],
        NetworkKind.WattsStrogatz => ["degree", "rewire"],
        NetworkKind.BarabasiAlbert => ["attachments"],
        NetworkKind.Grid => ["width", "swaps_per_tie"],
        _ => [],
    };

    /// <summary>Every generator key: those that some generator reads.</summary>
    public static IReadOnlyList<string> AllGeneratorKeys => GeneratorKeys;

    /// <summary>
    /// Reads an imported organisation's file once, at load time: its problems become the scenario's
    /// errors (file and row of the data file) or warnings, and its size is known before any run.
    /// </summary>
    public static OrganisationSpec ImportFile(ParseContext context, OrganisationSpec spec, ulong scenarioSeed)
    {
        if (spec.Kind is not (NetworkKind.HrExport or NetworkKind.EdgeList) || spec.ImportFile.Length == 0)
        {
            return spec;
        }

        string path = Path.GetFullPath(Path.Combine(context.DataFolder, spec.ImportFile));
        switch (ImportCsv.FileProblem(path))
        {
            case (InputFile.Trouble.Missing, _):
                context.Error(context.Locate("organisation.file"), $"organisation.file '{spec.ImportFile}' is not found (looked for {path}); {context.DataFolderHint}");
                return spec;
            case (_, { } problem):
                // Said before a byte is read: /dev/zero never ends, and a named pipe waits for a writer.
                context.Error(context.Locate("organisation.file"), $"organisation.file '{spec.ImportFile}' {problem}");
                return spec;
        }

        // Problems name the data file as the user would reach it from here: the scenario's folder joined with the path written.
        string shown = Path.Combine(context.DataFolder, spec.ImportFile);
        try
        {
            ImportResult result = spec.Kind == NetworkKind.HrExport
                ? HrExportImporter.Import(path, shown, spec.HrImport, RunSeeds.Organisation(scenarioSeed, 0))
                : EdgeListImporter.Import(path, shown);
            context.Warnings.AddRange(result.Warnings.Select(w => w.ToString()));
            using FileStream bytes = File.OpenRead(path);
            return spec with
            {
                ImportPath = path,
                ImportSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                Hierarchy = spec.Hierarchy with { Agents = result.Graph.NodeCount },
                ImportedDirectedEdges = result.Graph.EdgeCount,
            };
        }
        catch (ImportException e)
        {
            context.Errors.AddRange(e.Problems.Where(p => p.IsError).Select(p => new ScenarioError(p.File, p.Row, 0, p.Message)));
            return spec;
        }
        catch (ArgumentException e)
        {
            context.Error(context.Locate("organisation.columns"), $"organisation: {e.Message}");
            return spec;
        }
    }

    /// <summary>The HR export's column names; an optional column set to null (or ~) is not read.</summary>
    private static HrColumns ReadColumns(YamlMappingReader? reader)
    {
        var d = new HrColumns();
        if (reader is null)
        {
            return d;
        }

        string? Optional(string key, string? fallback) =>
            reader.Node(key) is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "null" or "~" or "" } ? null : reader.Has(key) ? reader.String(key, fallback ?? key) : fallback;

        var columns = new HrColumns
        {
            Id = reader.String("id", d.Id),
            Manager = reader.String("manager", d.Manager),
            Team = Optional("team", d.Team),
            Function = Optional("function", d.Function),
            Site = Optional("site", d.Site),
            Role = Optional("role", d.Role),
            Remote = Optional("remote", d.Remote),
        };
        reader.RejectUnknownKeys();
        return columns;
    }

    /// <summary>A span is a number (fixed) or a mapping {min, max} (drawn per manager).</summary>
    private static (int Min, int Max) ReadSpan(ParseContext context, YamlMappingReader reader, int fallback)
    {
        if (reader.Node("span") is not YamlMappingNode)
        {
            return (reader.Int("span", fallback, 1, HierarchyOptions.MaxSpan), 0);
        }

        YamlMappingReader range = YamlMappingReader.For(context, reader.Node("span")!, "organisation.span")!;
        int errors = context.Errors.Count;
        int min = range.Int("min", fallback, 1, HierarchyOptions.MaxSpan);
        int max = range.Int("max", min, 1, HierarchyOptions.MaxSpan);
        bool bothRead = context.Errors.Count == errors;
        range.RejectUnknownKeys();

        // A min or max out of range is already an error; comparing its fallback would add a wrong one.
        if (bothRead && max < min)
        {
            context.Error(context.Locate("organisation.span.max"), $"organisation.span.max is {max}, below span.min {min}; give max ≥ min");
            max = min;
        }

        return (min, max == min ? 0 : max);
    }

    /// <summary>Hierarchy by depth: <c>levels</c> full levels of a fixed span instead of a number of agents.</summary>
    private static HierarchyOptions WithLevels(ParseContext context, YamlMappingReader reader, HierarchyOptions hierarchy)
    {
        if (!reader.Has("levels"))
        {
            return hierarchy;
        }

        int levels = reader.Int("levels", 1, 1, HierarchyGenerator.MaxLevels);
        if (reader.Has("agents"))
        {
            context.Error(context.Locate("organisation.levels"), "organisation.levels and organisation.agents both set the size; give only one");
            return hierarchy;
        }

        if (hierarchy.SpanMax != 0)
        {
            context.Error(context.Locate("organisation.levels"), "organisation.levels needs a fixed span (a number, not {min, max}); give organisation.agents instead");
            return hierarchy;
        }

        long agents = HierarchyGenerator.AgentsForLevels(hierarchy.Span, levels);
        if (agents > HierarchyOptions.MaxAgents)
        {
            context.Error(context.Locate("organisation.levels"), $"organisation.levels {levels} with span {hierarchy.Span} makes {agents:N0} agents, more than {HierarchyOptions.MaxAgents:N0}; lower the levels or the span");
            return hierarchy;
        }

        return hierarchy with { Agents = (int)agents };
    }

    private static OverlayOptions ReadOverlays(ParseContext context, YamlMappingReader? reader)
    {
        var d = new OverlayOptions();
        if (reader is null)
        {
            return d;
        }

        OverlayOptions overlays = d;
        if (reader.Mapping("mentoring") is { } mentoring)
        {
            (int min, int max) = (d.PodMin, d.PodMax);
            if (mentoring.Mapping("mentees_per_mentor") is { } pod)
            {
                int errors = context.Errors.Count;
                min = pod.Int("min", d.PodMin, 1, 50);
                max = pod.Int("max", Math.Max(min, d.PodMax), 1, 50);
                bool bothRead = context.Errors.Count == errors;
                pod.RejectUnknownKeys();
                if (bothRead && max < min)
                {
                    context.Error(context.Locate("organisation.overlays.mentoring.mentees_per_mentor.max"), $"organisation.overlays.mentoring.mentees_per_mentor.max is {max}, below min {min}; give max ≥ min");
                    max = min;
                }
            }

            overlays = overlays with
            {
                MenteeShare = mentoring.Double("mentee_share", 0.3, 0, 0.9),
                PodMin = min,
                PodMax = max,
                LifeCoach = mentoring.Bool("life_coach", d.LifeCoach),
            };
            mentoring.RejectUnknownKeys();
        }

        if (reader.Mapping("coaches") is { } coaches)
        {
            overlays = overlays with
            {
                ExternalCoaches = coaches.Int("count", 1, 0, 10_000),
                ClientsPerCoach = coaches.Int("clients_per_coach", d.ClientsPerCoach, 1, 1_000),
            };
            coaches.RejectUnknownKeys();
        }

        if (reader.Mapping("quality_circles") is { } circles)
        {
            overlays = overlays with { CircleSize = circles.Int("size", 6, 2, 100) };
            circles.RejectUnknownKeys();
            if (overlays.MenteeShare == 0)
            {
                context.Error(context.Locate("organisation.overlays.quality_circles"), "organisation.overlays.quality_circles are drawn across mentoring pods; add organisation.overlays.mentoring");
            }
        }

        if (reader.Mapping("matrix") is { } matrix)
        {
            overlays = overlays with { DottedLineShare = matrix.Double("dotted_line_share", 0.2, 0, 1) };
            matrix.RejectUnknownKeys();
        }

        overlays = overlays with { SkipLevelMeetings = reader.Bool("skip_level_meetings", d.SkipLevelMeetings) };
        reader.RejectUnknownKeys();
        return overlays;
    }

    private static void CheckShape(ParseContext context, OrganisationSpec spec)
    {
        int n = spec.Agents;
        int heads = Math.Min(spec.Hierarchy.Span, Math.Max(0, n - 1));
        if (spec.Kind == NetworkKind.Hierarchy && spec.Hierarchy.Functions > Math.Max(1, heads))
        {
            context.Error(context.Locate("organisation.functions"), $"organisation.functions is {spec.Hierarchy.Functions}, but the chief has only {heads} direct reports to head them; use at most {Math.Max(1, heads)} functions, or a larger span");
        }

        switch (spec.Kind)
        {
            case NetworkKind.Hierarchy when HierarchyGenerator.LevelCount(n, spec.Hierarchy.Span) > HierarchyGenerator.MaxLevels:
                context.Error(context.Locate("organisation.span"), $"organisation.span {spec.Hierarchy.Span} with {n} agents needs more than {HierarchyGenerator.MaxLevels} levels; raise the span");
                break;
            case NetworkKind.Ring or NetworkKind.WattsStrogatz:
                int most = spec.Kind == NetworkKind.Ring ? n - 1 : n - 2;
                if (spec.Degree != Math.Floor(spec.Degree) || spec.Degree % 2 != 0 || spec.Degree < 2 || spec.Degree > most)
                {
                    context.Error(context.Locate("organisation.degree"), $"organisation.degree is {spec.Degree}; a {ScenarioNames.Name(spec.Kind)} needs an even whole number from 2 to {most}");
                }

                break;
            case NetworkKind.ErdosRenyi when spec.TieProbability is null && spec.Degree > n - 1:
                context.Error(context.Locate("organisation.degree"), $"organisation.degree is {spec.Degree}; with {n} agents it can be at most {n - 1}");
                break;
            case NetworkKind.BarabasiAlbert when spec.Attachments >= n:
                context.Error(context.Locate("organisation.attachments"), $"organisation.attachments is {spec.Attachments}; with {n} agents it must be below {n}");
                break;
            case NetworkKind.Grid when n % spec.GridWidth != 0:
                context.Error(context.Locate(spec.Width > 0 ? "organisation.width" : "organisation.agents"), $"a grid of {n} agents needs a width that divides {n} (width is {spec.GridWidth}); set organisation.width, e.g. to {Divisor(n)}");
                break;
        }
    }

    private static int Divisor(int n)
    {
        for (int w = (int)Math.Sqrt(n); w > 1; w--)
        {
            if (n % w == 0)
            {
                return w;
            }
        }

        return n;
    }
}
