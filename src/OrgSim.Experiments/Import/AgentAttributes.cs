using System.Globalization;
using System.Runtime.CompilerServices;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Import;

/// <summary>
/// Per-agent values from a CSV file — a node-attribute file (a column of agent ids, then a column
/// per attribute) or an HR export's own columns — for the model's per-agent inputs: today the
/// adoption thresholds of <see cref="ThresholdKind.Column"/>, for Granovetter's threshold
/// distributions. Every value is checked row by row, as the importers check theirs; the agents are
/// matched by id (<see cref="OrgGraph.Name"/>: the HR or edge-list id, or 0 … n − 1 for a generated
/// organisation).
/// </summary>
public sealed class AgentAttributes
{
    /// <summary>Per organisation built, the thresholds of each column already read: a replicate's arms read them once.</summary>
    private static readonly ConditionalWeakTable<OrgGraph, Dictionary<string, double[]>> Cache = [];

    private readonly Dictionary<string, int> _index;
    private readonly List<(string Id, int Row)> _rows;
    private readonly Dictionary<string, double[]> _values;

    private AgentAttributes(string file, string idColumn, Dictionary<string, int> index, List<(string, int)> rows, Dictionary<string, double[]> values)
    {
        File = file;
        IdColumn = idColumn;
        _index = index;
        _rows = rows;
        _values = values;
    }

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>The column that holds the agent ids.</summary>
    public string IdColumn { get; }

    /// <summary>The agents named, in file order.</summary>
    public int Count => _rows.Count;

    /// <summary>
    /// Reads the ids and the <paramref name="columns"/> of <paramref name="path"/> (named
    /// <paramref name="shownAs"/> in problems): the id column is <paramref name="idColumn"/>, or the
    /// first column when null. Every row needs an id, once, and a number in each column's range.
    /// </summary>
    /// <exception cref="ImportException">The file has errors; every problem is listed, each with its row and what to fix.</exception>
    public static AgentAttributes Read(string path, string shownAs, string? idColumn, IReadOnlyList<AttributeRule> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        using ImportCsv csv = ImportCsv.Open(path, shownAs);
        if (csv.Header.Count == 0)
        {
            csv.Error(1, "the file is empty; its first row should be the header: the agent id column, then a column per attribute (e.g. agent,threshold)");
            csv.ThrowIfErrors();
        }

        string idName = idColumn ?? csv.Header[0];
        int id = csv.Column(idName);
        if (id < 0)
        {
            csv.MissingColumn(idName, "it holds each agent's id");
        }

        int[] at = columns.Select(c => csv.Column(c.Column)).ToArray();
        for (int c = 0; c < columns.Count; c++)
        {
            if (at[c] < 0)
            {
                csv.MissingColumn(columns[c].Column, $"model.adoption.threshold.column names it for each agent's threshold");
            }
        }

        csv.ThrowIfErrors();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(string, int)>();
        var values = columns.Select(_ => new List<double>()).ToArray();
        while (csv.Read())
        {
            int row = csv.Row;
            string name = csv.Get(id);
            if (name.Length == 0)
            {
                csv.Error(row, $"the agent id in column \"{idName}\" is blank; give every row the id of its agent");
                continue;
            }

            if (!index.TryAdd(name, rows.Count))
            {
                csv.Error(row, $"agent \"{MessageText.Shown(name)}\" already has a row (row {rows[index[name]].Item2}); keep one row per agent");
                continue;
            }

            rows.Add((name, row));
            for (int c = 0; c < columns.Count; c++)
            {
                values[c].Add(Value(csv, row, csv.Get(at[c]), columns[c]));
            }
        }

        csv.ThrowIfErrors();
        var byColumn = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (int c = 0; c < columns.Count; c++)
        {
            byColumn[columns[c].Column] = [.. values[c]];
        }

        return new AgentAttributes(shownAs, idName, index, rows, byColumn);
    }

    private static double Value(ImportCsv csv, int row, string text, AttributeRule rule)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            csv.Error(row, text.Length == 0
                ? $"column \"{rule.Column}\" is blank; give every agent a number ({rule.Meaning})"
                : $"column \"{rule.Column}\" is \"{MessageText.Shown(text)}\", not a number; write a number with a '.' for decimals ({rule.Meaning})");
            return 0;
        }

        if (value < 0 || value > rule.Max)
        {
            csv.Error(row, $"column \"{rule.Column}\" is {value.ToString(CultureInfo.InvariantCulture)}; it must be {rule.Meaning}");
        }

        return value;
    }

    /// <summary>
    /// What does not match between the file and <paramref name="graph"/>: the first employee with no
    /// row, and the first row that names no agent, each with how many more (external coaches,
    /// whom no file lists, need no row).
    /// </summary>
    public IReadOnlyList<ImportProblem> Match(OrgGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var problems = new List<ImportProblem>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        string? firstMissing = null;
        int missing = 0;
        for (int v = 0; v < graph.NodeCount; v++)
        {
            if (graph.Role(v) == Role.External)
            {
                continue;
            }

            string name = graph.Name(v);
            named.Add(name);
            if (!_index.ContainsKey(name))
            {
                firstMissing ??= name;
                missing++;
            }
        }

        if (firstMissing is not null)
        {
            problems.Add(new ImportProblem(File, 1, $"agent \"{MessageText.Shown(firstMissing)}\"{More(missing)} of the organisation has no row; add a row per agent with its id in column \"{IdColumn}\"", IsError: true));
        }

        var strangers = _rows.Where(r => !named.Contains(r.Id)).ToList();
        if (strangers.Count > 0)
        {
            string ids = graph.NodeCount > 0 && graph.Name(0) == "0" ? $"the agents are 0 … {graph.NodeCount - 1}" : "ids are those of the organisation's file";
            problems.Add(new ImportProblem(File, strangers[0].Row, $"agent \"{MessageText.Shown(strangers[0].Id)}\"{More(strangers.Count)} is not an agent of the organisation ({ids}); correct the id or remove the row", IsError: true));
        }

        return problems;
    }

    private static string More(int count) => count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {count - 1:N0} more)") : string.Empty;

    /// <summary>
    /// The values of <paramref name="column"/> agent by agent in <paramref name="graph"/>; agents
    /// with no row (the external coaches) take the column's mean.
    /// </summary>
    /// <exception cref="KeyNotFoundException">An employee has no row; <see cref="Match"/> says which.</exception>
    public double[] ValuesOf(OrgGraph graph, string column)
    {
        ArgumentNullException.ThrowIfNull(graph);
        double[] source = _values[column];
        double mean = source.Length == 0 ? 0 : source.Average();
        var values = new double[graph.NodeCount];
        for (int v = 0; v < values.Length; v++)
        {
            values[v] = _index.TryGetValue(graph.Name(v), out int i) ? source[i]
                : graph.Role(v) == Role.External ? mean
                : throw new KeyNotFoundException($"agent \"{graph.Name(v)}\" has no row in {File}");
        }

        return values;
    }

    /// <summary>Where the per-agent values of <paramref name="spec"/> come from: <c>organisation.attributes</c>, else an HR export's own file; null if neither.</summary>
    public static (string Path, string Shown, string? IdColumn)? SourceOf(OrganisationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.AttributesFile.Length > 0 ? (spec.AttributesPath, spec.AttributesFile, null)
            : spec.Kind == NetworkKind.HrExport && spec.ImportFile.Length > 0 ? (spec.ImportPath, spec.ImportFile, spec.HrImport.Columns.Id)
            : null;
    }

    /// <summary>The rule a threshold column must meet under <paramref name="model"/>'s adoption rule.</summary>
    public static AttributeRule ThresholdRule(string column, ModelParameters model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Adoption == AdoptionRule.AbsoluteThreshold
            ? new AttributeRule(column, ModelParameters.MaxAbsoluteThreshold, "a number of contacts in [0, 10000] for the absolute-threshold rule")
            : new AttributeRule(column, 1, "a share of contacts in [0, 1] for the fractional-threshold rule");
    }

    /// <summary>
    /// Each agent's threshold in <paramref name="graph"/> from the column <paramref name="model"/>
    /// names, read from the file once per organisation built (the arms of a replicate share it).
    /// </summary>
    /// <exception cref="ImportException">The file changed since the scenario was loaded and is no longer valid.</exception>
    public static double[] Thresholds(OrganisationSpec spec, OrgGraph graph, ModelParameters model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string column = model.Threshold.Column;
        Dictionary<string, double[]> read = Cache.GetOrCreateValue(graph);
        lock (read)
        {
            string key = $"{model.Adoption}\u0001{column}";
            if (!read.TryGetValue(key, out double[]? values))
            {
                (string path, string shown, string? idColumn) = SourceOf(spec) ?? throw new InvalidOperationException("no file of agent values; the loader checks this");
                values = Read(path, shown, idColumn, [ThresholdRule(column, model)]).ValuesOf(graph, column);
                read[key] = values;
            }

            return values;
        }
    }
}
