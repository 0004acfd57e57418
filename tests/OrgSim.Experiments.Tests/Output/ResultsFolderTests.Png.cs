using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Tests.Output;

public partial class ResultsFolderTests
{
    [Fact]
    [Trait("Category", "Slow")] // 10–20 s: two plots, each 22 PNGs 1800 pixels wide.
    public void Plot_WithPng_WritesAPngBesideEverySvg_TheOrgChartSnapshotsToo_DeterministicAcrossRedraws()
    {
        string folder = TestRuns.InFolder(TestScenarios.SmallText(replicates: 2, horizon: 12));
        JobOutcome outcome = PlotJob.Execute(folder, png: true, _ => { });
        Assert.Equal(JobStatus.Success, outcome.Status);
        string plots = Path.Combine(folder, ResultsFolder.PlotsFolderName);
        string[] svgs = Directory.GetFiles(plots, "*.svg");
        Assert.Contains(svgs, s => Path.GetFileName(s).StartsWith("orgchart-arm1-week", StringComparison.Ordinal));
        Assert.Equal(svgs.Select(s => Path.ChangeExtension(s, ".png")).Order(StringComparer.Ordinal), Directory.GetFiles(plots, "*.png").Order(StringComparer.Ordinal));
        Dictionary<string, byte[]> first = Directory.GetFiles(plots, "*.png").ToDictionary(p => p, File.ReadAllBytes);

        Assert.Equal(JobStatus.Success, PlotJob.Execute(folder, png: true, _ => { }).Status);
        Assert.All(first, p => Assert.Equal(p.Value, File.ReadAllBytes(p.Key)));
    }
}
