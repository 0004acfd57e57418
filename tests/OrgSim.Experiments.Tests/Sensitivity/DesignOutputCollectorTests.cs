using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Tests.Sensitivity;

public class DesignOutputCollectorTests
{
    private static readonly SensitivitySpec Spec = new(
        SensitivityMethod.Morris,
        [new SensitivityParameter("a", 0, 1, ParameterScale.Uniform, false), new SensitivityParameter("b", 0, 1, ParameterScale.Uniform, false)],
        ["share[x] - share2[y]", "share[y]"],
        Trajectories: 2,
        Levels: 4,
        Samples: 0,
        Seed: 3,
        Resamples: 0);

    private static IReadOnlyList<KeyValuePair<string, double?>> Run(double share, double? share2) => [new("share", share), new("share2", share2)];

    [Fact]
    public void ContrastAtAPoint_IsTheDifferenceOfTheArmsMeansOverReplicates()
    {
        var collector = new DesignOutputCollector(Spec with { Outputs = ["competent_share_final[x] - retention[y]", "competent_share_final[y]"] }, ["x", "y"], points: 6, replicates: 2);
        collector.AddArm(0, 0, [[new("competent_share_final", 0.5)], [new("competent_share_final", 0.7)]]);
        collector.AddArm(0, 1, [[new("competent_share_final", 0.1), new("retention", 0.2)], [new("competent_share_final", 0.3), new("retention", 0.4)]]);

        Assert.Equal(0.6 - 0.3, collector.Value(0, 0), 12);
        Assert.Equal(0.2, collector.Value(1, 0), 12);
    }

    [Fact]
    public void MetricUndefinedInAReplicate_LeavesThePointUndefined_AndTheOutputUnanalysed()
    {
        var collector = new DesignOutputCollector(Spec with { Outputs = ["front_mean_final[x]"] }, ["x"], points: 6, replicates: 2);
        for (int p = 0; p < 6; p++)
        {
            collector.AddArm(p, 0, [[new("front_mean_final", p)], [new("front_mean_final", p == 4 ? null : p)]]);
        }

        Assert.True(double.IsNaN(collector.Value(0, 4)));
        OutputAnalysis analysis = Assert.Single(collector.Analyse()!);
        Assert.Null(analysis.Morris);
        Assert.Equal(1, analysis.UndefinedPoints);
        Assert.Contains("no value at 1 design points", SensitivityFindings.Sentence(analysis), StringComparison.Ordinal);
    }

    [Fact]
    public void RunsMissingFromAnArmTheOutputsName_MeanNoAnalysis()
    {
        var collector = new DesignOutputCollector(Spec with { Outputs = ["competent_share_final[x]"] }, ["x", "y"], points: 6, replicates: 1);
        for (int p = 0; p < 5; p++)
        {
            collector.AddArm(p, 0, [[new("competent_share_final", p)]]);
        }

        Assert.Null(collector.Analyse());
        collector.AddArm(5, 0, [[new("competent_share_final", 5)]]);
        Assert.NotNull(collector.Analyse()); // arm y is named by no output, so its runs are not needed
    }
}
