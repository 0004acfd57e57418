using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Running;

/// <summary>
/// Every bundled scenario with learning off runs on the classic kernel, and each of its arms gives
/// the same run as the general path: the same stages of every agent every week, hence the same outputs.
/// </summary>
public class ClassicKernelScenarioTests
{
    public static TheoryData<string> ClassicScenarios() => [.. ClassicScenarioFiles()];

    private static IEnumerable<string> ClassicScenarioFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "scenarios"), "*.yaml")
            .Where(f => ScenarioLoader.Load(f).Spec.Arms.Any(a => !a.Model.Learning))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void TheBundledScenariosIncludeTheThreeClassicOnes()
    {
        Assert.Superset(new HashSet<string> { "classic-bass.yaml", "classic-si.yaml", "classic-threshold.yaml" }, ClassicScenarioFiles().ToHashSet());
    }

    [Theory]
    [MemberData(nameof(ClassicScenarios))]
    public void ClassicScenario_RunsOnTheKernelWithTheGeneralPathsResults(string file)
    {
        ScenarioSpec spec = ScenarioLoader.Load(Path.Combine(TestPaths.RepoRoot, "scenarios", file)).Spec;
        for (int replicate = 0; replicate < 2; replicate++)
        {
            OrgGraph graph = OrganisationFactory.Build(spec.Organisation, RunSeeds.Organisation(spec.Seed, replicate));
            foreach (ArmSpec arm in spec.Arms)
            {
                using (var probe = new Simulation(graph, arm.Model, seed: 1))
                {
                    Assert.True(probe.UsesClassicKernel, $"{file}, arm {arm.Name}: should run on the classic kernel");
                }

                var kernelStages = new List<byte[]>();
                var generalStages = new List<byte[]>();
                RunResult kernel = RunScheduler.RunOne(spec, arm, graph, replicate, threads: 1, (_, state) => kernelStages.Add(state.CopyStages()));
                RunResult general = RunScheduler.RunOne(spec, arm, graph, replicate, threads: 2, (_, state) => generalStages.Add(state.CopyStages()), path: EnginePath.General);

                Assert.Equal(generalStages.Count, kernelStages.Count);
                for (int t = 0; t < kernelStages.Count; t++)
                {
                    Assert.True(generalStages[t].AsSpan().SequenceEqual(kernelStages[t]), $"{file}, arm {arm.Name}, replicate {replicate}: stages differ at week {t}");
                }

                Assert.Equal(general.QuiescenceTick, kernel.QuiescenceTick);
                Assert.Equal(general.Retained, kernel.Retained);
                for (int t = 0; t <= spec.HorizonWeeks; t++)
                {
                    Assert.Equal(general.Outcomes!.EffectivenessAgentMean(t), kernel.Outcomes!.EffectivenessAgentMean(t));
                    foreach (Competency c in Competencies.All)
                    {
                        Assert.Equal(general.Series.Count(t, c, Stage.UnconsciousCompetence), kernel.Series.Count(t, c, Stage.UnconsciousCompetence));
                    }
                }
            }
        }
    }
}
