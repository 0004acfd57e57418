using CsvHelper;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Output;

/// <summary>
/// <c>design.csv</c>: the design matrix of a sensitivity analysis — for each point, the value every
/// parameter ran with and each output's value there (the mean over replicates; empty where it is
/// undefined) — to redo the analysis with another tool or plot an output against a parameter.
/// </summary>
public static class DesignCsv
{
    /// <summary>Writes the matrix: <paramref name="values"/> are each point's parameter values as the runs read them.</summary>
    public static void Write(TextWriter writer, SensitivitySpec spec, IReadOnlyList<IReadOnlyList<string>> values, DesignOutputCollector outputs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(outputs);
        using CsvWriter csv = CsvFormat.Writer(writer);
        RunTable.WriteHeader(csv, ["point", .. spec.Parameters.Select(p => p.Path), .. outputs.Outputs.Select(o => o.Label)]);
        for (int point = 0; point < values.Count; point++)
        {
            double?[] at = Enumerable.Range(0, outputs.Outputs.Count).Select(o => outputs.Value(o, point) is var v && double.IsFinite(v) ? v : (double?)null).ToArray();
            RunTable.Row(csv, [RunTable.Invariant(point), .. values[point]], [.. at.Select(CsvFormat.Number)]);
        }
    }
}
