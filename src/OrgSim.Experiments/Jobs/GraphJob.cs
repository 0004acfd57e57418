using OrgSim.Core.Graph;
using OrgSim.Core.Metrics;
using OrgSim.Experiments.Export;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Jobs;

/// <summary><c>orgsim graph</c>: build one replicate's organisation at one sweep point, then export it or describe it.</summary>
public static class GraphJob
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal)
    {
        ["graphml"] = ".graphml",
        ["gexf"] = ".gexf",
        ["dot"] = ".dot",
        ["edges"] = ".csv",
    };

    /// <summary>Executes <paramref name="request"/>; warnings go to <paramref name="note"/>.</summary>
    public static GraphOutcome Execute(GraphRequest request, Action<string> note, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(note);
        var (loaded, loadErrors) = request.Scenario.Load("orgsim graph");
        if (loaded is null)
        {
            return GraphOutcome.Bad(loadErrors);
        }

        foreach (string warning in loaded.Warnings)
        {
            note(warning);
        }

        var problems = new List<string>();
        if (request.Format is null && !request.Stats)
        {
            problems.Add("orgsim graph: nothing to do; give --format graphml|gexf|dot|edges to export, or --stats");
        }

        if (request.Format is { } format && !Extensions.ContainsKey(format))
        {
            string? near = NameSuggester.Suggest(format, Extensions.Keys);
            problems.Add($"orgsim graph: --format is '{format}'; use graphml, gexf, dot or edges" + (near is null ? string.Empty : $" (did you mean '{near}'?)"));
        }

        int points = loaded.PointsOrBase.Count;
        if (request.Point < 0 || request.Point >= points)
        {
            problems.Add(points == 1
                ? $"orgsim graph: --point is {request.Point}; {request.Scenario.File} has no sweep, so its only point is 0"
                : $"orgsim graph: --point is {request.Point}; the sweep has points 0 to {points - 1}");
        }

        ScenarioSpec spec = loaded.PointsOrBase[Math.Clamp(request.Point, 0, points - 1)].Spec;
        if (request.Replicate < 0 || request.Replicate >= spec.Replicates)
        {
            problems.Add($"orgsim graph: --replicate is {request.Replicate}; the scenario has replicates 0 to {spec.Replicates - 1}");
        }

        ArmSpec? arm = request.Arm is null ? spec.Arms[0] : spec.Arms.FirstOrDefault(a => a.Name == request.Arm);
        if (arm is null)
        {
            problems.Add($"orgsim graph: --arm '{request.Arm}' is not an arm of {request.Scenario.File}; its arms are {string.Join(", ", spec.Arms.Select(a => a.Name))}");
        }

        string? target = request.Format is { } f && Extensions.TryGetValue(f, out string? extension)
            ? request.Out ?? Path.Combine(ResultsFolder.DefaultRoot, spec.Name + extension)
            : null;
        if (target is not null && (Directory.Exists(target) || target.EndsWith('/') || target.EndsWith(Path.DirectorySeparatorChar)))
        {
            problems.Add($"orgsim graph: --out {target} is a folder; name a file, e.g. --out {Path.Combine(target, spec.Name + Extensions[request.Format!])}");
        }
        else if (target is not null && File.Exists(target) && !request.Overwrite)
        {
            problems.Add($"orgsim graph: {target} exists; give another --out, or --overwrite to replace it");
        }

        if (problems.Count > 0)
        {
            return GraphOutcome.Bad(problems);
        }

        LoadedScenario atPoint = loaded with { Spec = spec };
        if (ScenarioLimits.Check(atPoint) is { Count: > 0 } tooLarge)
        {
            return GraphOutcome.Bad(tooLarge.Select(x => x.ToString()));
        }

        // Before anything is built or written: a complete network's ties, written out, can fill a disk.
        if (request.Format is { } chosen && ExportLimits.Problem(spec.Organisation, chosen) is { } tooManyTies)
        {
            return GraphOutcome.Bad([tooManyTies]);
        }

        ulong organisationSeed = RunSeeds.Organisation(spec, request.Point, request.Replicate); // the point's own, with fresh organisations per point
        OrgGraph graph = OrganisationFactory.Build(spec.Organisation, organisationSeed, cancellation);
        IReadOnlyList<TextTable> tables = [];
        if (request.Stats)
        {
            GraphStatisticsReport report = GraphStatistics.Compute(graph, new GraphStatisticsOptions { Seed = organisationSeed, Threads = Math.Clamp(request.Threads, 1, 8) });
            tables = GraphStatisticsTables.Build(spec.Name, report);
        }

        if (target is null)
        {
            return new GraphOutcome(JobStatus.Success, [], []) { Tables = tables };
        }

        StageChangeLog? history = null;
        if (request.Format == "gexf")
        {
            // The timeline of one run: the chosen arm on this replicate's organisation.
            IReadOnlyList<ScenarioError> preflight = Preflight.Check(atPoint);
            if (preflight.Count > 0)
            {
                return GraphOutcome.Bad(preflight.Select(x => x.ToString()));
            }

            cancellation.ThrowIfCancellationRequested();
            var log = new StageChangeLog(graph.NodeCount);
            RunScheduler.RunOne(spec, arm!, graph, request.Replicate, Math.Max(1, request.Threads), log.Record, cancellation: cancellation);
            history = log;
        }

        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(target));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            using var files = new AtomicFileSet(request.Overwrite);
            files.Stage(target, w =>
            {
                switch (request.Format)
                {
                    case "graphml": GraphMlWriter.Write(w, graph, cancellation); break;
                    case "gexf": GexfWriter.Write(w, graph, history, cancellation); break;
                    case "dot": DotWriter.Write(w, graph, cancellation); break;
                    default: EdgeListCsv.Write(w, graph, cancellation); break;
                }
            });
            files.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return GraphOutcome.Bad([$"orgsim graph: cannot write {target}: {e.Message}; check the folder's permissions and free space"]);
        }

        string where = points > 1 ? $" (point {request.Point})" : string.Empty;
        return new GraphOutcome(JobStatus.Success, [$"Wrote {graph.NodeCount:N0} agents and {graph.EdgeCount / 2:N0} ties{where} to {target}" +
            (history is null ? "." : $", with the stages of arm '{arm!.Name}', replicate {request.Replicate}, weeks 0-{spec.HorizonWeeks}.")], []) { Tables = tables };
    }
}
