using OrgSim.Core.Graph;
using OrgSim.Core.Metrics;
using OrgSim.Experiments.Export;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim graph</c>: build one replicate's organisation, then export it or print its statistics.</summary>
public static class GraphCommand
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal)
    {
        ["graphml"] = ".graphml",
        ["gexf"] = ".gexf",
        ["dot"] = ".dot",
        ["edges"] = ".csv",
    };

    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(GraphOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        LoadedScenario loaded;
        try
        {
            loaded = ScenarioLoader.Load(options.Scenario);
        }
        catch (ScenarioException e)
        {
            return Fail(stderr, e.Errors.Select(x => x.ToString()));
        }

        foreach (string warning in loaded.Warnings)
        {
            stderr.WriteLine(warning);
        }

        ScenarioSpec spec = loaded.Spec;
        var problems = new List<string>();
        if (options.Format is null && !options.Stats)
        {
            problems.Add("orgsim graph: nothing to do; give --format graphml|gexf|dot|edges to export, or --stats");
        }

        if (options.Format is { } format && !Extensions.ContainsKey(format))
        {
            string? near = NameSuggester.Suggest(format, Extensions.Keys);
            problems.Add($"orgsim graph: --format is '{format}'; use graphml, gexf, dot or edges" + (near is null ? string.Empty : $" (did you mean '{near}'?)"));
        }

        if (options.Replicate < 0 || options.Replicate >= spec.Replicates)
        {
            problems.Add($"orgsim graph: --replicate is {options.Replicate}; the scenario has replicates 0 to {spec.Replicates - 1}");
        }

        ArmSpec? arm = options.Arm is null ? spec.Arms[0] : spec.Arms.FirstOrDefault(a => a.Name == options.Arm);
        if (arm is null)
        {
            problems.Add($"orgsim graph: --arm '{options.Arm}' is not an arm of {options.Scenario}; its arms are {string.Join(", ", spec.Arms.Select(a => a.Name))}");
        }

        string? target = options.Format is { } f && Extensions.TryGetValue(f, out string? extension)
            ? options.Out ?? Path.Combine(OutputDirectory.DefaultRoot, spec.Name + extension)
            : null;
        if (target is not null && File.Exists(target) && !options.Overwrite)
        {
            problems.Add($"orgsim graph: {target} exists; give another --out, or --overwrite to replace it");
        }

        if (problems.Count > 0)
        {
            return Fail(stderr, problems);
        }

        if (ScenarioLimits.Check(loaded) is { Count: > 0 } tooLarge)
        {
            return Fail(stderr, tooLarge.Select(x => x.ToString()));
        }

        OrgGraph graph = OrganisationFactory.Build(spec.Organisation, RunSeeds.Organisation(spec.Seed, options.Replicate));
        if (options.Stats)
        {
            GraphStatisticsReport report = GraphStatistics.Compute(graph, new GraphStatisticsOptions
            {
                Seed = RunSeeds.Organisation(spec.Seed, options.Replicate),
                Threads = Math.Min(Environment.ProcessorCount, 8),
            });
            GraphStatsTable.Print(stdout, spec.Name, report);
        }

        if (target is null)
        {
            return ExitCodes.Success;
        }

        StageChangeLog? history = null;
        if (options.Format == "gexf")
        {
            // The timeline of one run: the chosen arm on this replicate's organisation.
            IReadOnlyList<ScenarioError> preflight = ExperimentRunner.Preflight(loaded);
            if (preflight.Count > 0)
            {
                return Fail(stderr, preflight.Select(x => x.ToString()));
            }

            cancellation.ThrowIfCancellationRequested();
            var log = new StageChangeLog(graph.NodeCount);
            ExperimentRunner.RunOne(spec, arm!, graph, options.Replicate, Environment.ProcessorCount, log.Record);
            history = log;
        }

        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(target));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            using var files = new AtomicFileSet(options.Overwrite);
            files.Stage(target, w =>
            {
                switch (options.Format)
                {
                    case "graphml": GraphMlWriter.Write(w, graph); break;
                    case "gexf": GexfWriter.Write(w, graph, history); break;
                    case "dot": DotWriter.Write(w, graph); break;
                    default: EdgeListCsv.Write(w, graph); break;
                }
            });
            files.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, [$"orgsim graph: cannot write {target}: {e.Message}; check the folder's permissions and free space"]);
        }

        stdout.WriteLine($"Wrote {graph.NodeCount:N0} agents and {graph.EdgeCount / 2:N0} ties to {target}" +
            (history is null ? "." : $", with the stages of arm '{arm!.Name}', replicate {options.Replicate}, weeks 0-{spec.HorizonWeeks}."));
        return ExitCodes.Success;
    }

    private static int Fail(TextWriter stderr, IEnumerable<string> lines)
    {
        foreach (string line in lines)
        {
            stderr.WriteLine(line);
        }

        return ExitCodes.BadInput;
    }
}
