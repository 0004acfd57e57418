using BenchmarkDotNet.Attributes;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Benchmarks;

/// <summary>
/// The run records of the quickstart's size (1,000 agents, 104 weeks, 2 arms × 20 replicates = 40
/// records of about 25 KB): saving one, reading one's metrics, claiming the folder again to resume it
/// (which checks every record) and assembling the tables from all 40. What a record's format costs
/// next to the runs themselves (tens of milliseconds each).
/// </summary>
[SuiteJob]
[MemoryDiagnoser]
public class RunRecordBenchmarks
{
    private static readonly string Scenario = BenchmarkSimulations.QuickstartSized("bench-records");

    private readonly RunCoordinates _first = new(0, 0, 0);
    private RunPlan _plan = null!;
    private MemoryRunStore _memory = null!;
    private string _root = string.Empty;
    private string _resume = string.Empty;
    private ResultsFolder _held = null!;

    /// <summary>Runs the 40 runs once, in memory and into a folder that stays claimed; copies its records into a second folder to resume.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _plan = RunPlan.For(ScenarioLoader.Parse(Scenario, "bench-records.yaml"), ShardSpec.All);
        _memory = new MemoryRunStore();
        RunScheduler.Execute(_plan, _memory, Environment.ProcessorCount);
        _root = Path.Combine(Path.GetTempPath(), "orgsim-bench-" + Guid.NewGuid().ToString("N"));
        _held = Claim(Path.Combine(_root, "out"));
        RunScheduler.Execute(_plan, _held, Environment.ProcessorCount);
        _resume = Path.Combine(_root, "resume");
        string records = Path.Combine(_resume, ResultsFolder.RunsFolderName);
        Directory.CreateDirectory(records);
        foreach (string file in Directory.GetFiles(Path.Combine(_held.Path, ResultsFolder.RunsFolderName)))
        {
            File.Copy(file, Path.Combine(records, Path.GetFileName(file)));
        }
    }

    /// <summary>Releases the claim and removes the folders.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _held.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Writes one run's record (to a temporary file, flushed to disk, renamed).</summary>
    [Benchmark]
    public void SaveOneRecord() => _held.Save(_first, _memory.Result(_first), _memory.Metrics(_first));

    /// <summary>Reads one record's seed and metrics, as the summaries do for every run.</summary>
    [Benchmark]
    public int ReadMetricsOfOneRecord() => _held.ReadMetrics(_first).Metrics.Count;

    /// <summary>Claims a folder of 40 records again, as a resume does.</summary>
    [Benchmark]
    public void ResumeClaimOf40Records()
    {
        using ResultsFolder folder = Claim(_resume);
    }

    /// <summary>Writes the six tables and run.json from the 40 records.</summary>
    [Benchmark]
    public void AssembleFrom40Records() => _held.Assemble(w => RunManifest.Write(w, _plan.Scenario));

    private ResultsFolder Claim(string path)
    {
        var (folder, _, error) = ResultsFolder.ClaimForRuns(path, "bench-records", RunIdentity.Of(_plan), overwrite: false);
        return folder ?? throw new InvalidOperationException(error);
    }
}
