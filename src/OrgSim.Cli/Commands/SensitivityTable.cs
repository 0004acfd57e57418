using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary>Prints a sensitivity analysis: per output, its table and the sentence naming the parameters that decide it.</summary>
internal static class SensitivityTable
{
    public static void Print(TextWriter stdout, SensitivitySummary summary)
    {
        foreach (var (table, finding) in SensitivityTables.Build(summary))
        {
            TextTableView.Print(stdout, table);
            stdout.WriteLine(finding);
            stdout.WriteLine();
        }

        stdout.WriteLine(summary.Spec.Method == OrgSim.Experiments.Sensitivity.SensitivityMethod.Morris
            ? "μ*: mean absolute change in the output when a parameter moves across its whole range; μ: the same with signs; σ: how much that change varies with the others. See docs/analysis.md."
            : "S1: share of the output's variance due to the parameter alone; ST: with all its interactions; intervals: bootstrap 95%. See docs/analysis.md.");
    }
}
