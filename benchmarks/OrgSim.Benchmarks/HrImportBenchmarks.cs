using System.Globalization;
using BenchmarkDotNet.Attributes;
using OrgSim.Core.Graph;
using OrgSim.Experiments.Import;

namespace OrgSim.Benchmarks;

/// <summary>
/// The cost of importing an HR export (target: 100,000 rows in under 2 s; under 1 s with the
/// reporting forest on QuikGraph): a generated organisation with spans 5–10, 8 functions, 4 sites
/// and 15% remote workers, written as an export with a team column and rows in shuffled order, as
/// an HR system lists them by id.
/// </summary>
[MemoryDiagnoser]
[SuiteJob]
public class HrImportBenchmarks
{
    private string _directory = string.Empty;
    private string _path = string.Empty;

    /// <summary>The number of employees (rows) in the export.</summary>
    [Params(10_000, 100_000)]
    public int Rows { get; set; }

    /// <summary>Writes the export to a temporary file.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "orgsim-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, "hr.csv");
        var options = new HierarchyOptions
        {
            Agents = Rows, Span = 5, SpanMax = 10, Functions = 8, Sites = 4, RemoteShare = 0.15, CrossTeamTiesPerAgent = 0,
        };
        OrgGraph g = HierarchyGenerator.Generate(options, seed: 42);

        // Ids in a shuffled order, and rows sorted by id: the hierarchy is not the file order.
        int[] ids = [.. Enumerable.Range(0, Rows)];
        new Random(42).Shuffle(ids);
        string Id(int v) => "E" + ids[v].ToString("D7", CultureInfo.InvariantCulture);
        int[] rows = [.. Enumerable.Range(0, Rows).OrderBy(v => ids[v])];
        using var writer = new StreamWriter(_path);
        writer.Write("employee_id,manager_id,team,function,site,role,remote\n");
        foreach (int v in rows)
        {
            string manager = g.Manager(v) < 0 ? string.Empty : Id(g.Manager(v));
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Id(v)},{manager},Team {g.Team(v)},Function {g.Function(v)},Site {g.Site(v)},,{(g.IsRemote(v) ? "yes" : "no")}\n"));
        }
    }

    /// <summary>Removes the temporary file.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>Imports the export: read, check, number, tie.</summary>
    [Benchmark(Baseline = true)]
    public OrgGraph Import() => HrExportImporter.Import(_path, new HrImportOptions(), seed: 42).Graph;

    /// <summary>Imports the export and adds two random cross-team ties per agent.</summary>
    [Benchmark]
    public OrgGraph ImportWithCrossTeamTies() => HrExportImporter.Import(_path, new HrImportOptions { CrossTeamTiesPerAgent = 2 }, seed: 42).Graph;
}
