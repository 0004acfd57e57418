using CsvHelper;
using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;
using OrgSim.Experiments.Tests.Export;

namespace OrgSim.Experiments.Tests.Output;

/// <summary>
/// Text a user chose (a swept file name, an arm name) that a spreadsheet would run as a formula is
/// written as text in every table — a quote before it, the field quoted — while numbers, negative
/// ones included, stay as they are; the report reads the tables back to the names as written.
/// </summary>
public class FormulaCellsTests
{
    [Fact]
    public void RunTableRow_QuotesTextThatStartsLikeAFormula_AndLeavesNumbersAlone()
    {
        var writer = new StringWriter();
        using (CsvWriter csv = CsvFormat.Writer(writer))
        {
            RunTable.Row(csv, RunTable.Prefix(3, ["=hr.csv", "-0.25", "@x"], "+arm", 1), "-0.500000", "-3", "1e-05", "+2", "-x", "\tx", string.Empty);
        }

        Assert.Equal("3,\"'=hr.csv\",-0.25,\"'@x\",\"'+arm\",1,-0.500000,-3,1e-05,+2,\"'-x\",\"'\tx\",\n", writer.ToString());
    }

    [Fact]
    public void SummaryRow_QuotesAnArmThatStartsLikeAFormula_AndLeavesNegativeNumbersAlone()
    {
        var writer = new StringWriter();
        using (CsvWriter csv = CsvFormat.Writer(writer))
        {
            SummaryCsv.WriteRow(csv, ["0", "-hr.csv"], new SummaryRow("=1+2", "effectiveness_agent_final", new Estimate(-0.25, -0.5, 0, 4)));
        }

        Assert.Equal("0,\"'-hr.csv\",\"'=1+2\",effectiveness_agent_final,-0.250000,-0.500000,0.000000,4\n", writer.ToString());
    }

    [Fact]
    public void SweptFileNamesThatStartLikeFormulas_AreTextInEveryTable_AndShowAsWrittenInTheReport()
    {
        string[] files = ["hr.csv", "=hr.csv", "+hr.csv", "-hr.csv", "@hr.csv"];
        string folder = TestPaths.TempDirectory();
        foreach (string file in files)
        {
            File.WriteAllText(Path.Combine(folder, file), "employee_id,manager_id\nboss,\nana,boss\nben,boss\ncem,ana\n");
        }

        string scenario = Path.Combine(folder, "scenario.yaml");
        File.WriteAllText(scenario, $$"""
            name: formula-files
            seed: 3
            horizon_weeks: 3
            replicates: 2
            organisation: {generator: hr-export, file: hr.csv}
            arms:
              - name: top-down
                seeding: {strategy: top-down, budget: 1}
              - name: random
                seeding: {strategy: random, budget: 1}
            sweep:
              grid:
                organisation.file: [{{string.Join(", ", files.Select(f => $"\"{f}\""))}}]
            """);
        string output = Path.Combine(folder, "out");
        RunOutcome outcome = RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(scenario, []), Out = output, Threads = 2 }, new RunListener());
        Assert.True(outcome.Status == JobStatus.Success, string.Join('\n', outcome.Errors));

        foreach (string table in ResultsFolder.TableFileNames)
        {
            string text = File.ReadAllText(Path.Combine(output, table));
            List<string[]> rows = EdgeListCsvTests.Rows(text);
            Assert.True(rows.Count > 0, table);
            for (int point = 0; point < files.Length; point++)
            {
                string expected = point == 0 ? "hr.csv" : "'" + files[point];
                Assert.All(rows.Where(r => r[0] == point.ToString(System.Globalization.CultureInfo.InvariantCulture)), r => Assert.Equal(expected, r[1]));
                if (point > 0)
                {
                    Assert.Contains($"\n{point},\"{expected}\",", text, StringComparison.Ordinal);
                }
            }

            EdgeListCsvTests.AssertNoCellStartsLikeAFormula(rows);
        }

        string report = File.ReadAllText(Path.Combine(output, ResultsFolder.ReportFileName));
        Assert.DoesNotContain("&#39;=hr.csv", report, StringComparison.Ordinal);
        Assert.DoesNotContain("'=hr.csv", report, StringComparison.Ordinal);
    }

    [Fact]
    public void ArmNamesThatStartLikeFormulas_AreTextInEveryTable_AndShowAsWrittenInTheReport()
    {
        // The scenario file allows no such arm name; the tables must not depend on that.
        LoadedScenario small = TestScenarios.Small(agents: 60, replicates: 2, horizon: 5);
        string[] arms = ["=1+2", "-cmd|' /C calc'!A0"];
        LoadedScenario loaded = small with { Spec = small.Spec with { Arms = [.. small.Spec.Arms.Select((a, i) => a with { Name = arms[i] })] } };
        RunPlan plan = RunPlan.For(loaded, ShardSpec.All);
        string output = Path.Combine(TestPaths.TempDirectory(), "out");
        var (folder, _, error) = ResultsFolder.ClaimForRuns(output, "formula-arms", RunIdentity.Of(plan), overwrite: false);
        Assert.True(folder is not null, error);
        using (folder)
        {
            RunScheduler.Execute(plan, folder, 2);
            folder.Assemble(w => RunManifest.Write(w, loaded));
            var (charts, reportError, _) = folder.DrawReport(png: false, _ => { });
            Assert.Null(reportError);
            Assert.True(charts > 0);
        }

        foreach (string table in ResultsFolder.TableFileNames)
        {
            string text = File.ReadAllText(Path.Combine(output, table));
            List<string[]> rows = EdgeListCsvTests.Rows(text);
            Assert.True(rows.Count > 0, table);
            Assert.All(rows, r => Assert.Contains(r[1], arms.Select(a => "'" + a)));
            Assert.Contains("\"'-cmd|' /C calc'!A0\"", text, StringComparison.Ordinal);
            EdgeListCsvTests.AssertNoCellStartsLikeAFormula(rows);
        }

        string contrasts = File.ReadAllText(Path.Combine(output, ResultsFolder.ContrastsFileName));
        Assert.Contains("0,\"'-cmd|' /C calc'!A0\",\"'=1+2\",weeks_to_50pct,", contrasts, StringComparison.Ordinal);

        // The report names the arms as the scenario does: the quote is the tables' business only.
        string report = File.ReadAllText(Path.Combine(output, ResultsFolder.ReportFileName));
        Assert.Contains("=1+2", report, StringComparison.Ordinal);
        Assert.DoesNotContain("&#39;=1+2", report, StringComparison.Ordinal);
        Assert.DoesNotContain("'=1+2", report, StringComparison.Ordinal);
        Assert.DoesNotContain("&#39;-cmd", report, StringComparison.Ordinal);
    }
}
