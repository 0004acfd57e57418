using System.Globalization;
using OrgSim.Core.Randomness;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;
using OrgSim.Experiments.Tipping;

namespace OrgSim.Experiments.Jobs;

/// <summary>
/// <c>orgsim tipping</c>: checks the request, then either searches one key for the value at which
/// the contrast between two arms changes sign (<see cref="TippingSearch"/>), or measures the
/// contrast on a grid of two keys and draws its zero contour. Every check comes before any run;
/// the output files are written together at the end, or not at all.
/// </summary>
public static class TippingJob
{
    /// <summary>The run cap when none is given: a few minutes of a 1,000-agent scenario on two cores.</summary>
    public const long DefaultMaxRuns = 2000;

    /// <summary>The default tolerance, as a share of the interval searched.</summary>
    public const double DefaultToleranceShare = 0.1;

    private const string Command = "orgsim tipping";

    /// <summary>Runs <paramref name="request"/>; <paramref name="say"/> gets a line per probe as it is measured.</summary>
    public static JobOutcome Execute(TippingRequest request, Action<string> say, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(say);
        var (plan, problems) = Check(request);
        if (plan is null)
        {
            return JobOutcome.Bad(problems);
        }

        if (request.Out is { } folder && OutProblem(folder, plan.Keys.Count == 1 ? SearchFiles : GridFiles, request.Overwrite) is { } outProblem)
        {
            return JobOutcome.Bad($"{Command}: {outProblem}");
        }

        if (plan.Keys.Count == 1 && 4L * plan.Replicates > request.MaxRuns)
        {
            return JobOutcome.Bad(string.Create(CultureInfo.InvariantCulture,
                $"{Command}: --max-runs {request.MaxRuns:N0} is fewer than the {4L * plan.Replicates:N0} runs the two ends need ({plan.Replicates} replicates, 2 arms); raise it or lower --replicates"));
        }

        var runner = new TippingProbeRunner(request.Scenario, plan.Keys, plan.Arm1, plan.Arm2, plan.Metric, request.Threads, cancellation);
        try
        {
            // Replicate 0 at the first corner first: an unknown metric is reported after two runs, not a whole probe.
            runner.Contrasts(plan.Keys.Select((_, i) => plan.From[i]).ToList(), 1);
            return plan.Keys.Count == 1 ? Search(plan, request, runner, say) : Grid(plan, request, runner, say);
        }
        catch (TippingStopException stop)
        {
            return JobOutcome.Bad(stop.Lines);
        }
        catch (OperationCanceledException)
        {
            return new JobOutcome(JobStatus.Cancelled, [], [$"{Command}: cancelled; no file was written"]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return JobOutcome.Bad($"{Command}: cannot write into {request.Out} ({e.Message.TrimEnd('.')}); check its permissions and free space; nothing was replaced");
        }
    }

    private static JobOutcome Search(TippingPlan plan, TippingRequest request, TippingProbeRunner runner, Action<string> say)
    {
        string key = plan.Keys[0];
        double tolerance = request.Tolerance ?? DefaultToleranceShare * Math.Abs(plan.To[0] - plan.From[0]);
        var settings = new TippingSettings
        {
            From = plan.From[0],
            To = plan.To[0],
            Whole = plan.Whole[0],
            Tolerance = tolerance,
            Replicates = plan.Replicates,
            MaxRuns = request.MaxRuns,
            Seed = SeedDerivation.Derive(plan.Seed, "tipping", 0),
        };
        int decimals = Decimals(tolerance);
        TippingResult result = TippingSearch.Find(
            settings,
            (value, n) => runner.Contrasts([value], n),
            p => say(string.Create(CultureInfo.InvariantCulture, $"  {key} = {Value(p.Value, plan.Whole[0] ? 0 : decimals + 1)}: mean {plan.Contrast} {Signed(p.Mean)} over {p.Replicates} replicates")));
        if (result.SameSign)
        {
            TippingProbe low = result.Probes[0], high = result.Probes[^1];
            return JobOutcome.Bad(string.Create(CultureInfo.InvariantCulture,
                $"{Command}: {plan.Contrast} in {plan.Metric} has the same sign at both ends ({Signed(low.Mean)} at {key} = {Value(low.Value, decimals + 1)}, {Signed(high.Mean)} at {Value(high.Value, decimals + 1)}, {result.Replicates} replicates), so it does not cross zero between them; widen --between or vary another key"));
        }

        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{plan.Arm1} overtakes {plan.Arm2} when {key} {(result.PositiveAbove ? ">" : "<")} {Value(result.Crossing, decimals)} (95% CI {Value(result.Low, decimals)}–{Value(result.High, decimals)})"),
            string.Create(CultureInfo.InvariantCulture,
                $"{plan.Metric}, {plan.Contrast}, mean over paired replicates; {result.Probes.Count} probes, {result.Replicates} replicates at the probes around the crossing, {result.Runs:N0} runs."),
        };
        if (!result.ToleranceReached)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"The tolerance {Value(tolerance, decimals)} was not reached: the next step would pass --max-runs {request.MaxRuns:N0}; raise it (or --tolerance) for a narrower interval."));
        }

        if (result.SignChanges > 1)
        {
            lines.Add($"Note: the mean contrast changes sign {result.SignChanges} times between adjacent probes; the first from the low end is reported. See tipping.csv.");
        }

        if (request.Out is { } folder)
        {
            string subtitle = $"{plan.Name} · {plan.Metric} · {result.Replicates} paired replicates near the crossing";
            Chart chart = TippingChart.Draw(result, key, plan.Contrast, plan.Metric, subtitle);
            Write(folder, [("tipping.csv", w => WriteProbes(w, key, result.Probes)), (TippingChart.FileName, w => w.Write(chart.Svg))], request.Overwrite);
            lines.Add($"Probes in {Path.Combine(folder, "tipping.csv")}, chart in {Path.Combine(folder, TippingChart.FileName)}");
        }

        return JobOutcome.Done([.. lines]);
    }

    private static JobOutcome Grid(TippingPlan plan, TippingRequest request, TippingProbeRunner runner, Action<string> say)
    {
        double[] xs = GridValues(plan.From[0], plan.To[0], request.Grid, plan.Whole[0]), ys = GridValues(plan.From[1], plan.To[1], request.Grid, plan.Whole[1]);
        long needed = (long)xs.Length * ys.Length * plan.Replicates * 2;
        if (needed > request.MaxRuns)
        {
            return JobOutcome.Bad(string.Create(CultureInfo.InvariantCulture,
                $"{Command}: the {xs.Length} x {ys.Length} grid needs {needed:N0} runs ({plan.Replicates} replicates, 2 arms), more than --max-runs {request.MaxRuns:N0}; lower --grid or --replicates, or raise --max-runs"));
        }

        var means = new double[xs.Length, ys.Length];
        var rows = new List<(double X, double Y, Estimate Contrast)>();
        for (int j = 0; j < ys.Length; j++)
        {
            for (int i = 0; i < xs.Length; i++)
            {
                IReadOnlyList<double> c = runner.Contrasts([xs[i], ys[j]], plan.Replicates);
                Estimate estimate = ConfidenceIntervals.StudentMean(c);
                means[i, j] = estimate.Mean!.Value;
                rows.Add((xs[i], ys[j], estimate));
                say(string.Create(CultureInfo.InvariantCulture, $"  {plan.Keys[0]} = {G(xs[i])}, {plan.Keys[1]} = {G(ys[j])}: mean {plan.Contrast} {Signed(means[i, j])}"));
            }
        }

        int ahead = rows.Count(r => r.Contrast.Mean > 0);
        var lines = new List<string>
        {
            $"{plan.Arm1} is ahead of {plan.Arm2} on {plan.Metric} in {ahead} of {rows.Count} grid cells ({plan.Replicates} paired replicates each, {runner.Runs:N0} runs).",
        };
        for (int j = 0; j < ys.Length; j++)
        {
            double[] column = Enumerable.Range(0, xs.Length).Select(i => means[i, j]).ToArray();
            string where = CrossingEstimator.Crossing(xs, column) is double x
                ? $"{plan.Arm1} overtakes {plan.Arm2} when {plan.Keys[0]} {(column[^1] > 0 || column[0] < 0 ? ">" : "<")} {G(x)}"
                : column[0] > 0 ? $"{plan.Arm1} is ahead throughout" : $"{plan.Arm2} is ahead throughout";
            lines.Add($"  {plan.Keys[1]} = {G(ys[j])}: {where}");
        }

        if (request.Out is { } folder)
        {
            string subtitle = $"{plan.Name} · {plan.Replicates} paired replicates per cell";
            Chart chart = TippingGridChart.Draw(xs, ys, means, plan.Keys[0], plan.Keys[1], plan.Contrast, plan.Metric, subtitle);
            Write(folder, [("tipping-grid.csv", w => WriteGrid(w, plan.Keys, rows)), (TippingGridChart.FileName, w => w.Write(chart.Svg))], request.Overwrite);
            lines.Add($"Grid in {Path.Combine(folder, "tipping-grid.csv")}, heatmap with the zero contour in {Path.Combine(folder, TippingGridChart.FileName)}");
        }

        return JobOutcome.Done([.. lines]);
    }

    /// <summary><paramref name="count"/> values from <paramref name="from"/> to <paramref name="to"/>, ascending, evenly spaced (whole and distinct for a whole-number key).</summary>
    internal static double[] GridValues(double from, double to, int count, bool whole)
    {
        double low = Math.Min(from, to), high = Math.Max(from, to);
        IEnumerable<double> values = Enumerable.Range(0, count).Select(i => i == count - 1 ? high : low + (i * (high - low) / (count - 1)));
        return (whole ? values.Select(v => Math.Round(v)).Distinct() : values).ToArray();
    }

    private static readonly string[] SearchFiles = ["tipping.csv", "tipping.svg"], GridFiles = ["tipping-grid.csv", "tipping-grid.svg"];

    /// <summary>
    /// What stops the search's files being written into <paramref name="folder"/>, found before any
    /// run: a file in its place, or (without <paramref name="overwrite"/>) files of an earlier search,
    /// which are never replaced silently.
    /// </summary>
    private static string? OutProblem(string folder, string[] names, bool overwrite)
    {
        if (File.Exists(folder))
        {
            return $"--out {folder} is a file; name a folder (it is created if missing)";
        }

        string? taken = names.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
        return taken is not null && !overwrite
            ? $"--out {folder} already holds {Path.GetFileName(taken)} of an earlier search; choose another folder, or add --overwrite to replace it"
            : null;
    }

    private static void Write(string folder, IReadOnlyList<(string Name, Action<TextWriter> Write)> files, bool overwrite)
    {
        Directory.CreateDirectory(folder);
        using var set = new AtomicFileSet(overwrite);
        foreach (var (name, write) in files)
        {
            set.Stage(Path.Combine(folder, name), write);
        }

        set.Commit();
    }

    private static void WriteProbes(TextWriter w, string key, IReadOnlyList<TippingProbe> probes)
    {
        w.Write("key,value,mean_contrast,ci_low,ci_high,replicates\n");
        foreach (TippingProbe p in probes)
        {
            Estimate e = ConfidenceIntervals.StudentMean(p.Contrasts);
            w.Write(string.Create(CultureInfo.InvariantCulture, $"{key},{TippingProbeRunner.Text(p.Value)},{CsvFormat.Number(e.Mean)},{CsvFormat.Number(e.Low)},{CsvFormat.Number(e.High)},{p.Replicates}\n"));
        }
    }

    private static void WriteGrid(TextWriter w, IReadOnlyList<string> keys, List<(double X, double Y, Estimate Contrast)> rows)
    {
        w.Write($"{keys[0]},{keys[1]},mean_contrast,ci_low,ci_high,replicates\n");
        foreach (var (x, y, e) in rows)
        {
            w.Write(string.Create(CultureInfo.InvariantCulture, $"{TippingProbeRunner.Text(x)},{TippingProbeRunner.Text(y)},{CsvFormat.Number(e.Mean)},{CsvFormat.Number(e.Low)},{CsvFormat.Number(e.High)},{e.N}\n"));
        }
    }

    /// <summary>Decimals enough to show a tenth of the tolerance: 0.1 gives 2.</summary>
    private static int Decimals(double tolerance) => Math.Clamp(1 - (int)Math.Floor(Math.Log10(tolerance)), 0, 8);

    private static string Value(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string G(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A contrast with its sign; one too small for four decimals in scientific notation, so a tiny difference never reads as none.</summary>
    private static string Signed(double value) => value != 0 && Math.Abs(value) < 0.00005
        ? value.ToString("+0.0E+0;-0.0E+0", CultureInfo.InvariantCulture)
        : value.ToString("+0.0000;-0.0000;0", CultureInfo.InvariantCulture);

    /// <summary>Everything the request asks, checked: the keys with their kinds and bounds, the arms and the metric.</summary>
    private static (TippingPlan? Plan, List<string> Problems) Check(TippingRequest request)
    {
        var problems = new List<string>();
        if (request.Threads is < 1 or > RunRequest.MaxThreads)
        {
            problems.Add($"{Command}: --threads is {request.Threads}; must be in range [1, {RunRequest.MaxThreads}]");
        }

        if (request.Replicates is < 2 or > ScenarioSpec.MaxReplicates)
        {
            problems.Add($"{Command}: --replicates is {request.Replicates}; must be in range [2, {ScenarioSpec.MaxReplicates}] (the interval needs at least 2)");
        }

        if (request.Tolerance is double t && !(t > 0 && double.IsFinite(t)))
        {
            problems.Add($"{Command}: --tolerance is {t.ToString(CultureInfo.InvariantCulture)}; give a width above 0 in the key's unit, e.g. --tolerance 0.05");
        }

        if (request.MaxRuns < 4)
        {
            problems.Add($"{Command}: --max-runs is {request.MaxRuns}; give at least 4 (two ends, two arms, two replicates), e.g. --max-runs 2000");
        }

        if (request.Grid is < 2 or > 50)
        {
            problems.Add($"{Command}: --grid is {request.Grid}; must be in range [2, 50] values per key");
        }

        if (request.Vary.Count is 0 or > 2)
        {
            problems.Add($"{Command}: give one --vary KEY (a search) or two (a grid), not {request.Vary.Count}, e.g. --vary model.relationships.report.weight --between 0 2");
        }
        else if (request.Vary.Distinct(StringComparer.Ordinal).Count() < request.Vary.Count)
        {
            problems.Add($"{Command}: --vary {request.Vary[0]} is given twice; vary two different keys for a grid");
        }
        else if (request.Between.Count != 2 * request.Vary.Count)
        {
            problems.Add($"{Command}: --between takes two values per --vary ({2 * request.Vary.Count} in all), but {request.Between.Count} were given; e.g. --vary {request.Vary[0]} --between 0 2");
        }

        if (request.Contrast.Count is 0 or > 2)
        {
            problems.Add($"{Command}: --contrast takes ARM1-ARM2 and a metric, e.g. --contrast bottom-up-top-down competent_share_final");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var from = new double[request.Vary.Count];
        var to = new double[request.Vary.Count];
        for (int i = 0; i < request.Vary.Count; i++)
        {
            foreach (var (text, slot) in new[] { (request.Between[2 * i], 0), (request.Between[(2 * i) + 1], 1) })
            {
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                {
                    problems.Add($"{Command}: --between '{text}' for {request.Vary[i]} is not a number; give two numbers, e.g. --between 0 2");
                }
                else
                {
                    (slot == 0 ? from : to)[i] = v;
                }
            }

            if (problems.Count == 0 && from[i] == to[i])
            {
                problems.Add($"{Command}: --between gives {request.Vary[i]} the same value twice ({request.Between[2 * i]}); give two different ends");
            }
        }

        var (loaded, loadErrors) = request.Scenario.Load(Command);
        problems.AddRange(loadErrors);
        if (problems.Count > 0 || loaded is null)
        {
            return (null, problems);
        }

        if (loaded.Sensitivity is not null)
        {
            return (null, [$"{loaded.ReadFrom}: the scenario has a sensitivity section, whose design chooses its points; tipping varies its own keys, so run it on a copy of the scenario without the sensitivity section"]);
        }

        if (loaded.Points.Count > 1)
        {
            return (null, [$"{loaded.ReadFrom}: the scenario sweeps {string.Join(", ", loaded.ParameterPaths)} ({loaded.Points.Count} points); tipping varies its own keys, so run it on a scenario without a sweep: section"]);
        }

        var arms = loaded.Spec.Arms.Select(a => a.Name).ToList();
        string contrastText = request.Contrast[0];
        var splits = Enumerable.Range(1, Math.Max(0, contrastText.Length - 2)).Where(i => contrastText[i] == '-')
            .Select(i => (contrastText[..i], contrastText[(i + 1)..])).Where(s => arms.Contains(s.Item1) && arms.Contains(s.Item2) && s.Item1 != s.Item2).ToList();
        if (splits.Count != 1)
        {
            string pairs = arms.Count >= 2 ? $"e.g. --contrast {arms[^1]}-{arms[0]}" : "the scenario needs two arms";
            string? near = contrastText.Split('-').Select(part => (part, NameSuggester.Suggest(part, arms))).FirstOrDefault(x => x.Item2 is not null && x.Item2 != x.part && !arms.Contains(x.part)) is { Item2: { } n } ? n : null;
            string mean = near is null ? string.Empty : $" (did you mean '{near}'?)";
            return (null, [splits.Count == 0
                ? $"{Command}: --contrast {contrastText} does not name two arms as ARM1-ARM2{mean}; the arms are {string.Join(", ", arms)}; {pairs}"
                : $"{Command}: --contrast {contrastText} can be read as two different pairs of arms; rename an arm"]);
        }

        string metric = request.Contrast.Count == 2 ? request.Contrast[1] : "competent_share_final";
        var whole = new bool[request.Vary.Count];
        for (int i = 0; i < request.Vary.Count; i++)
        {
            var (isWhole, keyProblems) = KeyKind(request.Scenario, request.Vary[i], from[i], to[i]);
            whole[i] = isWhole;
            problems.AddRange(keyProblems);
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new TippingPlan(loaded.Spec.Name, request.Vary, from, to, whole, splits[0].Item1, splits[0].Item2, metric, request.Replicates ?? Math.Max(2, loaded.Spec.Replicates), loaded.Spec.Seed), []);
    }

    /// <summary>
    /// Whether <paramref name="key"/> takes whole numbers, and what is wrong with it: asked of the
    /// scenario loader itself, by setting it to a word (a number key refuses it as "must be a
    /// (whole) number") and to both ends (range checks, unknown keys with their suggestions).
    /// </summary>
    private static (bool Whole, List<string> Problems) KeyKind(ScenarioInput input, string key, double from, double to)
    {
        if (key is "seed" or "replicates")
        {
            return (false, [$"{Command}: --vary {key}: varying the {key} does not move the model; vary a model, organisation or arm key, e.g. model.transmission"]);
        }

        IReadOnlyList<string> Errors(string value) => (input with { Sets = [.. input.Sets, $"{key}={value}"] }).Load(Command).Errors;

        // The loader's messages name the --set this search made and the file's 1:1; the user gave --vary and --between.
        string Plain(string error, string value)
        {
            string set = $"--set {key}={value}: ";
            int at = error.IndexOf(set, StringComparison.Ordinal);
            string message = at >= 0 ? error[(at + set.Length)..] : System.Text.RegularExpressions.Regex.Replace(error, @"^.*?:\d+:\d+: ", string.Empty);
            return message;
        }
        const string Word = "not-a-number";
        IReadOnlyList<string> asWord = Errors(Word);
        bool whole = asWord.Any(e => e.Contains("must be a whole number", StringComparison.Ordinal));
        bool number = whole || asWord.Any(e => e.Contains("must be a number", StringComparison.Ordinal) || e.Contains("must be in range", StringComparison.Ordinal));
        if (!number)
        {
            if (asWord.Count == 0)
            {
                return (false, [$"{Command}: --vary {key} takes text, not a number; vary a key that takes a number, e.g. model.transmission"]);
            }

            // The loader quotes the value it refuses; an error that does not is about the key itself (unknown key, no such arm).
            if (asWord.FirstOrDefault(e => e.Contains($"'{Word}'", StringComparison.Ordinal)) is { } refused)
            {
                string takes = refused[(refused.LastIndexOf(';') + 1)..].Trim();
                return (false, [$"{Command}: --vary {key} does not take a number ({takes}); vary a key that takes a number, e.g. model.transmission"]);
            }

            return (false, [$"{Command}: --vary {key}: {Plain(asWord[0], Word)}"]);
        }

        var problems = new List<string>();
        foreach (double end in (double[])[from, to])
        {
            string text = TippingProbeRunner.Text(end);
            if (Errors(text) is [var first, ..])
            {
                problems.Add($"{Command}: --between: {key} = {text}: {Plain(first, text)}");
            }
        }

        return (whole, problems.Distinct().ToList());
    }

    private sealed record TippingPlan(string Name, IReadOnlyList<string> Keys, double[] From, double[] To, bool[] Whole, string Arm1, string Arm2, string Metric, int Replicates, ulong Seed)
    {
        public string Contrast => $"{Arm1} − {Arm2}";
    }
}
