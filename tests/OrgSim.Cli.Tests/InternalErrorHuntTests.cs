using System.Globalization;
using System.Text;

namespace OrgSim.Cli.Tests;

/// <summary>
/// Tries to reach an internal error (exit 70) from input: every bundled scenario, the HR export, the
/// edge list and a finished output folder, damaged in many seeded ways — cut, spliced, with hostile
/// tokens or extreme numbers put in. Any input may be refused (exit 1 or 2), none may crash orgsim:
/// an internal error reachable from input is a defect. The seeds are fixed, so a failure names a
/// case that reproduces.
/// </summary>
[Trait("Category", "Slow")] // About 2,000 commands in-process: 10–30 s.
public class InternalErrorHuntTests
{
    private static readonly string[] HostileTokens =
    [
        ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!!int ", "? ", "|", ">", "\"", "'", "#", "%", "@", "`",
        "\t", "\n", "\r\n", "\0", "\u00e9", "\u202e", "\uFEFF", "\u001b[2J", "~", "null", "true", "0x1F", "1e309", "-1e309", ".nan", ".inf",
        "-.inf", "99999999999999999999", "-2147483649", "2147483648", "1e-320", "-0", "0.0000000000000000000001", "<<: *a", "=cmd|' /C calc'!A0",
    ];

    private static readonly string Scenarios = Path.Combine(CliHarness.RepoRoot, "scenarios");

    public static TheoryData<string> BundledScenarios()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Scenarios, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void ADamagedScenario_IsRefusedOrValid_NeverAnInternalError(string name)
    {
        string text = File.ReadAllText(Path.Combine(Scenarios, name));
        var random = new Random(HashOf(name));
        string folder = CopyOfScenarios();
        for (int trial = 0; trial < 120; trial++)
        {
            string damaged = Damage(text, random);
            File.WriteAllText(Path.Combine(folder, name), damaged);
            AssertNoInternalError(["validate", Path.Combine(folder, name)], damaged);
        }

        AssertNoCrash();
    }

    [Theory]
    [InlineData("northwind-hr.csv", "hr-import.yaml")]
    [InlineData("small-network-edges.csv", null)]
    public void ADamagedImport_IsRefusedOrValid_NeverAnInternalError(string data, string? scenario)
    {
        string folder = CopyOfScenarios();
        string scenarioFile = scenario is null ? EdgeListScenario(folder, data) : Path.Combine(folder, scenario);
        string text = File.ReadAllText(Path.Combine(Scenarios, "data", data));
        var random = new Random(HashOf(data));
        for (int trial = 0; trial < 200; trial++)
        {
            string damaged = Damage(text, random);
            File.WriteAllText(Path.Combine(folder, "data", data), damaged);
            AssertNoInternalError(["validate", scenarioFile], damaged);
            if (trial % 10 == 0)
            {
                AssertNoInternalError(["graph", scenarioFile, "--stats"], damaged);
            }
        }

        AssertNoCrash();
    }

    [Fact]
    public void HostileOverridesAndOptions_AreRefusedOrValid_NeverAnInternalError()
    {
        string[] keys =
        [
            "name", "seed", "replicates", "horizon_weeks", "organisation.agents", "organisation.generator", "organisation.span.min",
            "model.transmission", "model.relationships.report.weight", "arms.top-down.seeding.budget", "arms.top-down.seeding.strategy",
            "arms.bottom-up.name", "arms", "arms.0", "sweep.grid.model.transmission", "sweep.points", "sweep", "metrics.retention_weeks",
            "model", "organisation", "", ".", "arms..x", "model.transmission.x",
        ];
        string[] values = [.. HostileTokens, "[0.1, 0.2]", "[]", "{}", "[[[[[[1]]]]]]", "{a: 1}", "[1, [2]]", "&a [1] ", "x", "0", "1", "-5", "5200", "5201"];
        string[] options = ["--seed", "--replicates", "--threads", "--only", "--shard", "--shards", "--out"];
        string quickstart = Path.Combine(Scenarios, "quickstart.yaml");
        var random = new Random(11);
        for (int trial = 0; trial < 400; trial++)
        {
            string set = $"{keys[random.Next(keys.Length)]}={values[random.Next(values.Length)]}";
            AssertNoInternalError(["validate", quickstart, "--set", set], set);
            if (trial % 4 == 0)
            {
                string option = options[random.Next(options.Length)];
                string value = values[random.Next(values.Length)];
                string verb = option is "--threads" or "--only" or "--shard" or "--shards" or "--out" ? "run" : "validate";
                string[] command = verb == "run"
                    ? ["run", quickstart, option, value, "--out", Path.Combine(CliHarness.TempDirectory(), "x"), "--set", "replicates=1", "--set", "horizon_weeks=2", "--no-report"]
                    : [verb, quickstart, option, value];
                AssertNoInternalError(command, $"{option} {value}");
            }
        }

        AssertNoCrash();
    }

    [Fact]
    public void ADamagedOutputFolder_IsRefusedOrRedrawn_NeverAnInternalError()
    {
        string scenario = CliHarness.WriteScenario("""
            name: hunt
            horizon_weeks: 8
            replicates: 2
            organisation: {agents: 80}
            arms:
              - name: top-down
                seeding: {strategy: top-down, budget: 4}
              - name: bottom-up
                seeding: {strategy: bottom-up-teams, budget: 4}
            """);
        string pristine = Path.Combine(CliHarness.TempDirectory(), "pristine");
        Assert.Equal(0, CliHarness.Run("run", scenario, "--out", pristine).ExitCode);
        string[] files = Directory.GetFiles(pristine, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".svg", StringComparison.Ordinal) && !f.EndsWith(".orgsim-lock", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(pristine, f)).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(20261206);
        for (int trial = 0; trial < 150; trial++)
        {
            string folder = Path.Combine(CliHarness.TempDirectory(), "damaged");
            CopyFolder(pristine, folder);
            string victim = files[random.Next(files.Length)];
            string damaged = Damage(File.ReadAllText(Path.Combine(pristine, victim)), random);
            File.WriteAllText(Path.Combine(folder, victim), damaged);
            string[] command = (trial % 2) == 0 ? ["plot", folder] : ["run", scenario, "--out", folder, "--no-report"];
            AssertNoInternalError(command, $"{victim}:\n{damaged}");
        }

        AssertNoCrash();
    }

    private readonly List<string> _crashes = [];

    private void AssertNoInternalError(string[] command, string input)
    {
        var (code, _, stderr) = CliHarness.Run(command);
        if (code is not (0 or ExitCodes.BadInput or ExitCodes.BadUsage) || stderr.Contains("internal error", StringComparison.Ordinal))
        {
            _crashes.Add($"orgsim {string.Join(' ', command)} exited {code}: {stderr}\n--- input ---\n{(input.Length > 1500 ? input[..1500] + "…" : input)}");
        }
    }

    private void AssertNoCrash() => Assert.True(_crashes.Count == 0, $"{_crashes.Count} internal errors; the first ones:\n" + string.Join("\n=====\n", _crashes.Take(4)));

    /// <summary>One to three damages of the text: a cut, a splice of another part, a hostile token, an extreme number, a truncation.</summary>
    private static string Damage(string text, Random random)
    {
        var builder = new StringBuilder(text);
        int damages = 1 + random.Next(3);
        for (int d = 0; d < damages && builder.Length > 0; d++)
        {
            int at = random.Next(builder.Length);
            switch (random.Next(6))
            {
                case 0:
                    builder.Remove(at, Math.Min(builder.Length - at, 1 + random.Next(40)));
                    break;
                case 1:
                    builder.Insert(at, HostileTokens[random.Next(HostileTokens.Length)]);
                    break;
                case 2:
                    int from = random.Next(builder.Length);
                    builder.Insert(at, builder.ToString(from, Math.Min(builder.Length - from, 1 + random.Next(80))));
                    break;
                case 3:
                    builder.Length = at;
                    break;
                case 4:
                    ReplaceANumber(builder, random);
                    break;
                default:
                    builder[at] = (char)random.Next(0x20, 0x7f);
                    break;
            }
        }

        return builder.ToString();
    }

    private static void ReplaceANumber(StringBuilder builder, Random random)
    {
        string text = builder.ToString();
        var numbers = System.Text.RegularExpressions.Regex.Matches(text, @"-?\d+(\.\d+)?");
        if (numbers.Count == 0)
        {
            return;
        }

        var number = numbers[random.Next(numbers.Count)];
        string[] extremes = ["0", "-1", "1e309", "99999999999999999999", "2147483648", "-2147483648", "0.5", "1e-320", "NaN", "4294967296", "1.0000000000000002"];
        builder.Remove(number.Index, number.Length).Insert(number.Index, extremes[random.Next(extremes.Length)]);
    }

    private static string CopyOfScenarios()
    {
        string folder = Path.Combine(CliHarness.TempDirectory(), "scenarios");
        CopyFolder(Scenarios, folder);
        return folder;
    }

    private static string EdgeListScenario(string folder, string data)
    {
        string file = Path.Combine(folder, "edges.yaml");
        File.WriteAllText(file, string.Create(CultureInfo.InvariantCulture, $"""
            name: edges
            horizon_weeks: 10
            replicates: 1
            organisation:
              generator: edge-list
              file: data/{data}
            arms:
              - name: random
                seeding: {"{"}strategy: random, budget: 2{"}"}
            """));
        return file;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static int HashOf(string name) => name.Aggregate(17, (h, c) => unchecked((h * 31) + c));
}
