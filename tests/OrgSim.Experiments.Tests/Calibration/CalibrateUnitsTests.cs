using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Scenarios;
using OrgSim.Tests.Shared;

namespace OrgSim.Experiments.Tests.Calibration;

/// <summary>A survey broken down by unit, matched to the teams of an imported HR export; the fitted scenario finds its data file from the output folder.</summary>
public class CalibrateUnitsTests
{
    private const string Scenario = """
        name: northwind-fit
        seed: 5
        horizon_weeks: 20
        organisation:
          generator: hr-export
          file: data/northwind-hr.csv
          columns: {id: employee_id, manager: manager_id, team: team, function: function, site: site, role: role, remote: remote}
        arms:
          - name: teams
            seeding: {strategy: bottom-up-teams, budget: 25}
        calibration:
          parameters:
            model.transmission: [0.02, 0.3]
          particles: 16
          max_generations: 2
        """;

    [Fact]
    public void Units_MatchTeamsIgnoringCase_AndFittedScenarioRunsFromTheOutputFolder()
    {
        string folder = TemporaryDirectories.Create();
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        File.Copy(Path.Combine(TestPaths.RepoRoot, "scenarios", "data", "northwind-hr.csv"), Path.Combine(folder, "data", "northwind-hr.csv"));
        string scenario = Path.Combine(folder, "fit.yaml");
        File.WriteAllText(scenario, Scenario);
        ScenarioSpec truth = ScenarioLoader.Load(scenario).Spec;
        SurveyWave[] waves = [new(10, null, null, "warehouse north", 8), new(10, null, null, "Service Desk A", 8), new(20, null, null, "warehouse north", 8), new(20, null, null, "Service Desk A", 8)];
        File.WriteAllText(Path.Combine(folder, "observed.csv"), SurveySampler.FromRun(truth, "teams", waves, ObservedCounts.Competent, seed: 2));

        var request = new CalibrateRequest { Scenario = new ScenarioInput(scenario, []), Observed = Path.Combine(folder, "observed.csv"), Out = Path.Combine(folder, "results", "fit"), Threads = 2 };
        JobOutcome outcome = CalibrateJob.Execute(request, _ => { });
        Assert.True(outcome.Status == JobStatus.Success, string.Join("\n", outcome.Errors));

        string fitted = Path.Combine(folder, "results", "fit", "fitted.yaml");
        Assert.Contains("file: ../../data/northwind-hr.csv", File.ReadAllText(fitted), StringComparison.Ordinal);
        Assert.Equal(truth.Organisation.TotalAgents, ScenarioLoader.Load(fitted).Spec.Organisation.TotalAgents);
    }

    [Fact]
    public void Unit_ThatIsNoTeam_IsOneLineWithTheNearestName()
    {
        string folder = TemporaryDirectories.Create();
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        File.Copy(Path.Combine(TestPaths.RepoRoot, "scenarios", "data", "northwind-hr.csv"), Path.Combine(folder, "data", "northwind-hr.csv"));
        File.WriteAllText(Path.Combine(folder, "fit.yaml"), Scenario);
        File.WriteAllText(Path.Combine(folder, "observed.csv"), "week,competency,unit,respondents,competent\n10,all,Warehouse Nort,8,3\n");
        var request = new CalibrateRequest { Scenario = new ScenarioInput(Path.Combine(folder, "fit.yaml"), []), Observed = Path.Combine(folder, "observed.csv"), Out = Path.Combine(folder, "out") };
        string error = Assert.Single(CalibrateJob.Execute(request, _ => { }).Errors);
        Assert.Equal($"{Path.Combine(folder, "observed.csv")}:2: unit \"Warehouse Nort\" is not a team of the scenario's organisation; name a team of its HR export's team column (did you mean \"Warehouse North\"?)", error);
    }
}
