using CommandLine;
using CommandLine.Text;
using OrgSim.Cli.Commands;
using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Cli;

/// <summary>The <c>orgsim</c> command line: parses the verb and hands over to its command.</summary>
public static class OrgSimCli
{
    private static readonly Dictionary<string, string> ExpectedValues = new(StringComparer.Ordinal)
    {
        ["seed"] = "a whole number from 0 to 18446744073709551615",
        ["replicates"] = $"a whole number from 1 to {ScenarioSpec.MaxReplicates}",
        ["threads"] = $"a whole number from 1 to {OrgSim.Experiments.Jobs.RunRequest.MaxThreads}",
        ["point"] = "a sweep point number, from 0",
        ["out"] = "a folder (run) or a file (graph)",
        ["format"] = "graphml, gexf, dot or edges",
        ["replicate"] = "a replicate number, from 0",
        ["arm"] = "the name of an arm of the scenario",
        ["set"] = "path.to.key=value, e.g. model.transmission=0.08",
        ["only"] = "point=N,arm=NAME,replicate=N (each part optional)",
        ["shard"] = "I/N, e.g. 2/3",
        ["shards"] = "a whole number of shards",
        ["agents"] = $"a whole number from {BenchRequest.MinAgents:N0} to {BenchRequest.MaxAgents:N0}, e.g. 1000000",
        ["model"] = string.Join(" or ", BenchRequest.Models),
        ["network"] = string.Join(" or ", BenchRequest.Networks),
        ["degree"] = "a mean degree above 0 and below --agents, e.g. 10",
        ["vary"] = "a numeric key, e.g. model.relationships.report.weight",
        ["between"] = "two numbers, e.g. --between 0 2",
        ["contrast"] = "ARM1-ARM2 and a metric, e.g. bottom-up-top-down competent_share_final",
    };

    /// <summary>Runs the command line <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default) =>
        Run(args, stdout, stderr, CommandPrefix.Tool, cancellation);

    /// <summary>
    /// Runs the command line <paramref name="args"/>, writing to the given streams; returns the exit code.
    /// Commands the messages tell the user to type start with <paramref name="command"/>.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CommandPrefix command, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(command);

        // Everything printed from here on, on both streams, shows control characters from input
        // (ids, file names, command-line words) as escapes, and every quoted 'orgsim …' command
        // as this user can type it: one place, so no message can bypass it.
        stdout = TerminalWriter.Wrap(stdout, command);
        stderr = TerminalWriter.Wrap(stderr, command);
        try
        {
            // 'orgsim help run' shows run's options, as 'orgsim run --help' does.
            if (args is ["help", { } verb, ..] && !verb.StartsWith('-'))
            {
                return Run([verb, "--help"], stdout, stderr, command, cancellation);
            }

            if (MissingOptionValue(args) is { } option)
            {
                stderr.WriteLine($"orgsim: --{option} needs a value: {Expected(option)}");
                return ExitCodes.BadUsage;
            }

            // Only --set (and tipping's --vary and --between) may be repeated; the parser would otherwise keep the last of two --out silently.
            if (args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a is not ("--set" or "--vary" or "--between")).GroupBy(a => a.Split('=')[0]).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            {
                stderr.WriteLine($"orgsim: {repeated.Key} is given more than once; keep one");
                return ExitCodes.BadUsage;
            }

            // The parser's own help writer prints the whole help for any mistake; we print one line per mistake.
            using var parser = new Parser(settings =>
            {
                settings.HelpWriter = null;
                settings.CaseSensitive = true;
                settings.AutoVersion = true;
                settings.AutoHelp = true;
                settings.AllowMultiInstance = true; // --set may be given many times.
            });
            ParserResult<object> result = parser.ParseArguments(args, typeof(RunOptions), typeof(SensitivityOptions), typeof(GraphOptions), typeof(ValidateOptions), typeof(InitOptions), typeof(MergeOptions), typeof(PlotOptions), typeof(DeckOptions), typeof(BenchOptions), typeof(TippingOptions), typeof(CalibrateOptions));
            return result.MapResult(
                (SensitivityOptions options) => Extra("sensitivity", options.Extra, stderr) ?? RunCommand.Execute(options, stdout, stderr, cancellation),
                (RunOptions options) => Extra("run", options.Extra, stderr) ?? RunCommand.Execute(options, stdout, stderr, cancellation),
                (GraphOptions options) => Extra("graph", options.Extra, stderr) ?? GraphCommand.Execute(options, stdout, stderr, cancellation),
                (ValidateOptions options) => Extra("validate", options.Extra, stderr) ?? ValidateCommand.Execute(options, stdout, stderr),
                (InitOptions options) => Extra("init", options.Extra, stderr) ?? InitCommand.Execute(options, command, stdout, stderr),
                (MergeOptions options) => MergeCommand.Execute(options, stdout, stderr),
                (PlotOptions options) => Extra("plot", options.Extra, stderr) ?? PlotCommand.Execute(options, stdout, stderr),
                (DeckOptions options) => Extra("deck", options.Extra, stderr) ?? DeckCommand.Execute(options, stdout, stderr),
                (BenchOptions options) => Extra("bench", options.Extra, stderr) ?? BenchCommand.Execute(options, stdout, stderr, cancellation),
                (TippingOptions options) => Extra("tipping", options.Extra, stderr) ?? TippingCommand.Execute(options, stdout, stderr, cancellation),
                (CalibrateOptions options) => Extra("calibrate", options.Extra, stderr) ?? CalibrateCommand.Execute(options, stdout, stderr, cancellation),
                errors => ReportParseErrors(result, errors.ToList(), args, stdout, stderr));
        }
        catch (OperationCanceledException)
        {
            // A command without a cancel path of its own (graph: its timeline run and its writers): it writes through a temporary file, removed on the way out, so nothing was written.
            stderr.WriteLine("orgsim: cancelled; no file was written");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"orgsim: internal error ({e.GetType().Name}: {e.Message}); no result file was replaced. Please report it with the scenario file.");
            return ExitCodes.InternalError;
        }
    }

    private static int ReportParseErrors(ParserResult<object> result, List<Error> errors, string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (errors.Any(e => e.Tag is ErrorType.HelpRequestedError or ErrorType.HelpVerbRequestedError or ErrorType.VersionRequestedError))
        {
            string heading = $"orgsim {RunManifestVersion()}";
            bool verbChosen = result.TypeInfo.Current != typeof(NullInstance);
            // Write, not WriteLine: the help has several lines, which WriteLine would show as one.
            stdout.Write(errors.Any(e => e.Tag == ErrorType.VersionRequestedError)
                ? heading
                : HelpText.AutoBuild(
                    result,
                    h =>
                    {
                        h.Heading = heading;
                        h.Copyright = "Simulates how micro competencies spread through an organisation. Docs: README.md and docs/.";
                        return h;
                    },
                    e => e,
                    verbsIndex: !verbChosen).ToString());
            stdout.WriteLine();
            return ExitCodes.Success;
        }

        string verb = VerbNames.GetValueOrDefault(result.TypeInfo.Current, "run");
        bool allOutOfRange = true;
        foreach (Error error in errors)
        {
            string? outOfRange = error is BadFormatConversionError bad ? OutOfRange(bad.NameInfo.LongName, args) : null;
            allOutOfRange &= outOfRange is not null;
            stderr.WriteLine(outOfRange ?? (error is UnknownOptionError unknown ? UnknownOption(unknown.Token, result.TypeInfo.Current) : Describe(error, verb)));
        }

        return allOutOfRange ? ExitCodes.BadInput : ExitCodes.BadUsage;
    }

    /// <summary>
    /// A whole number that did not convert for <paramref name="option"/>: too large for its type (or
    /// negative where none may be), so a value out of range, which is bad input (1), not a command
    /// line that cannot be read (2); null when the value is not a whole number.
    /// </summary>
    private static string? OutOfRange(string option, string[] args)
    {
        string? value = null;
        for (int i = 0; i < args.Length && value is null; i++)
        {
            if (args[i] == "--" + option && i + 1 < args.Length)
            {
                value = args[i + 1];
            }
            else if (args[i].StartsWith($"--{option}=", StringComparison.Ordinal))
            {
                value = args[i][(option.Length + 3)..];
            }
        }

        return value is { Length: > 0 } && (value[0] is '-' or '+' ? value[1..] : value) is { Length: > 0 } digits && digits.All(char.IsAsciiDigit)
            ? $"orgsim: --{option} is {value}, out of range; give {Expected(option)}"
            : null;
    }

    private static string Describe(Error error, string verb) => error switch
    {
        NoVerbSelectedError => "orgsim: no command given; run a scenario with 'orgsim run SCENARIO.yaml' (see 'orgsim --help')",
        BadVerbSelectedError bad => $"orgsim: unknown command '{bad.Token}'; the commands are run, sensitivity, validate, init, graph, merge, plot, deck, bench, tipping and calibrate, e.g. 'orgsim run scenarios/quickstart.yaml'",
        SequenceOutOfRangeError when verb == "tipping" => "orgsim tipping: --between takes two numbers per --vary and --contrast ARM1-ARM2 and at most a metric; e.g. --between 0 2 --contrast bottom-up-top-down competent_share_final",
        SequenceOutOfRangeError when verb == "merge" => "orgsim merge: the shard folders are missing; e.g. 'orgsim merge results/sweep-shard-* --out results/sweep'",
        MissingRequiredOptionError missing => verb switch
        {
            "graph" => "orgsim graph: the scenario file is missing; e.g. 'orgsim graph scenarios/quickstart.yaml --stats'",
            "validate" => "orgsim validate: the scenario file is missing; e.g. 'orgsim validate scenarios/quickstart.yaml'",
            "merge" when missing.NameInfo.LongName == "out" => "orgsim merge: --out is missing; e.g. 'orgsim merge results/sweep-shard-* --out results/sweep'",
            "merge" => "orgsim merge: the shard folders are missing; e.g. 'orgsim merge results/sweep-shard-* --out results/sweep'",
            "plot" => "orgsim plot: the output folder is missing; e.g. 'orgsim plot results/quickstart'",
            "deck" => "orgsim deck: the output folder is missing; e.g. 'orgsim deck results/quickstart'",
            "sensitivity" => "orgsim sensitivity: the scenario file is missing; e.g. 'orgsim sensitivity scenarios/what-decides.yaml'",
            "tipping" => $"orgsim tipping: {(missing.NameInfo.LongName.Length == 0 ? "the scenario file" : "--" + missing.NameInfo.LongName)} is missing; e.g. 'orgsim tipping scenarios/quickstart.yaml --vary model.relationships.report.weight --between 0 2 --contrast bottom-up-top-down competent_share_final'",
            "calibrate" => $"orgsim calibrate: {(missing.NameInfo.LongName.Length == 0 ? "the scenario file" : "--" + missing.NameInfo.LongName)} is missing; e.g. 'orgsim calibrate scenarios/calibrate.yaml --observed survey.csv'",
            _ => "orgsim run: the scenario file is missing; e.g. 'orgsim run scenarios/quickstart.yaml'",
        },
        MissingValueOptionError missing => $"orgsim: --{missing.NameInfo.LongName} needs a value: {Expected(missing.NameInfo.LongName)}",
        BadFormatConversionError bad => $"orgsim: the value of --{bad.NameInfo.LongName} is not {Expected(bad.NameInfo.LongName)}",
        RepeatedOptionError repeated => $"orgsim: --{repeated.NameInfo.LongName} is given more than once; keep one",
        _ => $"orgsim: the command line could not be read ({error.Tag}); see 'orgsim {verb} --help'",
    };

    private static readonly Dictionary<Type, string> VerbNames = new()
    {
        [typeof(RunOptions)] = "run",
        [typeof(SensitivityOptions)] = "sensitivity",
        [typeof(GraphOptions)] = "graph",
        [typeof(ValidateOptions)] = "validate",
        [typeof(InitOptions)] = "init",
        [typeof(MergeOptions)] = "merge",
        [typeof(PlotOptions)] = "plot",
        [typeof(DeckOptions)] = "deck",
        [typeof(BenchOptions)] = "bench",
        [typeof(TippingOptions)] = "tipping",
        [typeof(CalibrateOptions)] = "calibrate",
    };

    /// <summary>A word after the one file or folder a command takes: an error, so a second scenario is never silently left out.</summary>
    private static int? Extra(string verb, IEnumerable<string> extra, TextWriter stderr)
    {
        if (extra.FirstOrDefault() is not { } first)
        {
            return null;
        }

        if (verb == "bench")
        {
            stderr.WriteLine($"orgsim bench: takes only options, but '{first}' is not one; see 'orgsim bench --help'");
            return ExitCodes.BadUsage;
        }

        if (verb == "init")
        {
            // A file name given as an argument was silently dropped, and scenario.yaml written instead.
            stderr.WriteLine($"orgsim init: takes only options, but '{first}' is not one; name the file to write with --out, e.g. 'orgsim init --out {OrgSim.Experiments.Jobs.ShellWord.Quote(first)}'");
            return ExitCodes.BadUsage;
        }

        string what = verb is "plot" or "deck" ? "results folder" : "scenario file";
        stderr.WriteLine($"orgsim {verb}: takes one {what}, but '{first}' follows it; give one per command (a shell loop runs several)");
        return ExitCodes.BadUsage;
    }

    private static string RunManifestVersion() => OrgSim.Experiments.Output.RunManifest.ToolVersion;

    /// <summary>An option that takes a value but is last or followed by another option: the parser would silently take it as unset.</summary>
    private static string? MissingOptionValue(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : string.Empty;
            if (ExpectedValues.ContainsKey(name) && (i == args.Length - 1 || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                return name;
            }
        }

        return null;
    }

    private static string Expected(string option) => ExpectedValues.GetValueOrDefault(option, "valid");

    /// <summary>An unknown option: the nearest option of this command, or the command it belongs to.</summary>
    private static string UnknownOption(string token, Type options)
    {
        string verb = VerbNames.GetValueOrDefault(options, "run");
        string help = $"see 'orgsim {verb} --help'";
        List<string> own = OptionsOf(options);
        // A command whose options are another's (sensitivity: run's) is not named again.
        List<string> others = VerbNames.Keys.Where(t => t != options && !VerbNames.ContainsKey(t.BaseType!) && OptionsOf(t).Contains(token)).Select(t => $"'orgsim {VerbNames[t]}'").ToList();
        if (others.Count > 0 && !own.Contains(token))
        {
            return $"orgsim {verb}: --{token} is an option of {string.Join(", ", others)}, not of '{verb}'; {help}";
        }

        string? near = NameSuggester.Suggest(token, own);
        return near is null ? $"orgsim: unknown option '{token}'; {help}" : $"orgsim: unknown option '{token}'; did you mean '--{near}'?";
    }

    /// <summary>The long names of a command's options, read from its options type.</summary>
    private static List<string> OptionsOf(Type options) =>
        options.GetProperties().Select(p => p.GetCustomAttributes(typeof(OptionAttribute), inherit: false).OfType<OptionAttribute>().FirstOrDefault()?.LongName)
            .OfType<string>().ToList();
}
