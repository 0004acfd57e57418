using BenchmarkDotNet.Attributes;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Benchmarks;

/// <summary>
/// What drawing a run's report costs on top of its tables, for the quickstart's size (1,000 agents,
/// 104 weeks, 2 arms × 20 replicates): the charts' SVG and report.html (the baseline, what every
/// run draws), the same with every PNG at 1800 px (<c>--png</c>: ScottPlot's own PNGs for the
/// statistical charts, Svg.Skia for the wheels and the 10 org-chart snapshots), and workshop.pptx
/// (<c>--pptx</c>, whose slides need the PNGs). One chart alone, drawn by ScottPlot as SVG and as
/// PNG, for scale, and every chart's SVG alone.
/// </summary>
[SuiteJob]
[MemoryDiagnoser]
public class ReportDrawingBenchmarks
{
    private static readonly string Scenario = BenchmarkSimulations.QuickstartSized("bench-report");

    private string _root = string.Empty;
    private ResultsFolder _folder = null!;
    private Experiments.Report.ResultTables _tables = null!;
    private Chart _adoption = null!;

    /// <summary>Runs the 40 runs once into a folder that stays claimed, with its tables written.</summary>
    [GlobalSetup]
    public void Setup()
    {
        RunPlan plan = RunPlan.For(ScenarioLoader.Parse(Scenario, "bench-report.yaml"), ShardSpec.All);
        _root = Path.Combine(Path.GetTempPath(), "orgsim-bench-" + Guid.NewGuid().ToString("N"));
        var (folder, _, error) = ResultsFolder.ClaimForRuns(Path.Combine(_root, "out"), "bench-report", RunIdentity.Of(plan), overwrite: false);
        _folder = folder ?? throw new InvalidOperationException(error);
        RunScheduler.Execute(plan, _folder, Environment.ProcessorCount);
        _folder.Assemble(w => RunManifest.Write(w, plan.Scenario));
        _folder.DrawReport(png: false, _ => { });
        _tables = Experiments.Report.ResultTablesReader.Load(_folder.Path);
        _adoption = ChartSet.Draw(_tables, null).First(c => c.FileName == "adoption.svg");
    }

    /// <summary>Releases the claim and removes the folder.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _folder.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Every chart's SVG and report.html, as every run draws them.</summary>
    [Benchmark(Baseline = true)]
    public int SvgAndReport() => _folder.DrawReport(png: false, _ => { }).Charts;

    /// <summary>The same and every PNG (<c>--png</c>).</summary>
    [Benchmark]
    public int SvgReportAndPng() => _folder.DrawReport(png: true, _ => { }).Charts;

    /// <summary>workshop.pptx (<c>--pptx</c>), overwriting the last.</summary>
    [Benchmark]
    public int Deck() => _folder.WriteDeck(overwrite: true).Slides;

    /// <summary>Every chart as SVG from tables already read, without files or report.</summary>
    [Benchmark]
    public int ChartsOnly() => ChartSet.Draw(_tables, null).Count;

    /// <summary>One ScottPlot chart as a 1800 px PNG, from the same plot.</summary>
    [Benchmark]
    public int AdoptionPng() => _adoption.Png!(1800).Length;
}
