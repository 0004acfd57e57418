using System.Xml.Linq;

namespace OrgSim.Cli.Tests;

public class GraphCommandTests
{
    private const string Small = """
        name: small-graph
        horizon_weeks: 10
        replicates: 2
        organisation:
          agents: 120
          span: 5
          functions: 3
          overlays:
            mentoring: {mentee_share: 0.3, life_coach: true}
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 10}
          - name: mentors
            seeding: {strategy: mentors, budget: 5}
        """;

    [Fact]
    public void Graph_Stats_PrintsTheOrganisationsNumbers()
    {
        var (code, stdout, stderr) = CliHarness.Run("graph", CliHarness.WriteScenario(Small), "--stats");
        Assert.True(code == 0, stderr);
        Assert.Contains("agents", stdout, StringComparison.Ordinal);
        Assert.Contains("121", stdout, StringComparison.Ordinal); // 120 employees and the life coach
        Assert.Contains("mentor/mentee ties", stdout, StringComparison.Ordinal);
        Assert.Contains("clustering coefficient", stdout, StringComparison.Ordinal);
        Assert.Contains("Most central agents", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("graphml", "http://graphml.graphdrawing.org/xmlns")]
    [InlineData("gexf", "http://gexf.net/1.3")]
    public void Graph_Format_WritesWellFormedXmlWithEveryAgent(string format, string ns)
    {
        string file = Path.Combine(CliHarness.TempDirectory(), "org." + format);
        var (code, stdout, stderr) = CliHarness.Run("graph", CliHarness.WriteScenario(Small), "--format", format, "--out", file, "--arm", "mentors");
        Assert.True(code == 0, stderr);
        XDocument xml = XDocument.Load(file);
        Assert.Equal(121, xml.Descendants(XName.Get("node", ns)).Count());
        Assert.Contains("Wrote 121 agents", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_Format_NeverReplacesAFileWithoutOverwrite()
    {
        string file = Path.Combine(CliHarness.TempDirectory(), "org.dot");
        File.WriteAllText(file, "precious");
        var (code, _, stderr) = CliHarness.Run("graph", CliHarness.WriteScenario(Small), "--format", "dot", "--out", file);
        Assert.Equal(1, code);
        Assert.Contains("exists; give another --out, or --overwrite to replace it", stderr, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(file));

        Assert.Equal(0, CliHarness.Run("graph", CliHarness.WriteScenario(Small), "--format", "dot", "--out", file, "--overwrite").ExitCode);
        Assert.StartsWith("graph", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--format", "graphm" }, "--format is 'graphm'; use graphml, gexf, dot or edges (did you mean 'graphml'?)")]
    [InlineData(new[] { "--stats", "--replicate", "5" }, "--replicate is 5; the scenario has replicates 0 to 1")]
    [InlineData(new[] { "--format", "gexf", "--arm", "nobody" }, "--arm 'nobody' is not an arm of")]
    [InlineData(new string[0], "nothing to do; give --format graphml|gexf|dot|edges to export, or --stats")]
    public void Graph_BadOptions_SayWhatToFixAndWriteNothing(string[] options, string expected)
    {
        string folder = CliHarness.TempDirectory();
        string scenario = Path.Combine(folder, "s.yaml");
        File.WriteAllText(scenario, Small);
        var (code, stdout, stderr) = CliHarness.Run(["graph", scenario, .. options, "--out", Path.Combine(folder, "x.out")]);
        Assert.Equal(1, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.False(File.Exists(Path.Combine(folder, "x.out")));
        Assert.Empty(stdout);
    }

    [Fact]
    public void Graph_TakesSetAndAPointOfTheSweep()
    {
        string file = CliHarness.WriteScenario(Small + "\nsweep:\n  grid:\n    organisation.agents: [60, 90]\n");
        string dir = CliHarness.TempDirectory();
        string Export(params string[] extra)
        {
            string target = Path.Combine(dir, $"g{Guid.NewGuid():N}.csv");
            var (code, stdout, stderr) = CliHarness.Run(["graph", file, "--format", "edges", "--out", target, .. extra]);
            Assert.True(code == 0, stderr);
            Assert.True(File.Exists(target));
            return stdout;
        }

        // The employees and the life coach.
        Assert.StartsWith("Wrote 61 agents", Export(), StringComparison.Ordinal);
        Assert.StartsWith("Wrote 91 agents", Export("--point", "1"), StringComparison.Ordinal);
        Assert.StartsWith("Wrote 91 agents", Export("--set", "organisation.agents=90"), StringComparison.Ordinal);

        var (bad, _, badErr) = CliHarness.Run("graph", file, "--stats", "--point", "2");
        Assert.Equal(ExitCodes.BadInput, bad);
        Assert.Contains("--point is 2; the sweep has points 0 to 1", badErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_CancelledWhileItRunsTheTimeline_ExitsAsCancelledAndWritesNothing()
    {
        string scenario = CliHarness.WriteScenario(Small);
        string target = Path.Combine(CliHarness.TempDirectory(), "g.gexf");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = OrgSimCli.Run(["graph", scenario, "--format", "gexf", "--out", target], stdout, stderr, cancellation.Token);

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Equal("orgsim: cancelled; no file was written", stderr.ToString().Trim());
        Assert.False(File.Exists(target));
    }

    [Theory]
    [InlineData("edges")]
    [InlineData("graphml")]
    [InlineData("dot")]
    public void Graph_CancelledBeforeItWrites_ExitsAsCancelledAndLeavesNoFile(string format)
    {
        // The generator now sees the cancelled token first; the writers' own checks are tested in
        // GraphExportTests. Either way: exit 130 and nothing left in the folder.
        string scenario = CliHarness.WriteScenario(Small);
        string folder = CliHarness.TempDirectory();
        string target = Path.Combine(folder, "g." + format);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = OrgSimCli.Run(["graph", scenario, "--format", format, "--out", target], stdout, stderr, cancellation.Token);

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Equal("orgsim: cancelled; no file was written", stderr.ToString().Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder)); // neither the file nor its temporary
    }

    [Theory]
    [InlineData(46_341, "edges", "a complete network of 46,341 agents has 1,073,720,970 ties, about 25.8 GB as --format edges")]
    [InlineData(46_341, "graphml", "has 1,073,720,970 ties, about 137.4 GB as --format graphml")]
    [InlineData(4_473, "gexf", "a complete network of 4,473 agents has 10,001,628 ties, about 1.7 GB as --format gexf")]
    [InlineData(4_473, "dot", "has 10,001,628 ties, about 660 MB as --format dot")]
    public void Graph_ACompleteNetworkTooLargeToExport_IsRefusedBeforeAnythingIsWritten(int agents, string format, string expected)
    {
        // The token is cancelled, so an export that was not refused stops at once (exit 130) instead
        // of writing gigabytes: the refusal must come before the organisation is built or a file opened.
        string scenario = CliHarness.WriteScenario("name: everyone\norganisation: {generator: complete, agents: 10}\n"
            + "arms: [{name: a, seeding: {strategy: random, budget: 1}}]\n");
        string folder = CliHarness.TempDirectory();
        string target = Path.Combine(folder, "g." + format);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = OrgSimCli.Run(["graph", scenario, "--set", $"organisation.agents={agents}", "--format", format, "--out", target], stdout, stderr, cancellation.Token);

        Assert.Equal(ExitCodes.BadInput, code);
        string line = Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
        Assert.StartsWith("orgsim graph: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.EndsWith("it exports at most 10,000,000 ties (4,472 agents), so use --stats, which is exact at any size, or fewer agents, e.g. --set organisation.agents=4472", line, StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }
}
