using System.Globalization;
using OrgSim.Core.Graph;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Import;

/// <summary>
/// Imports a plain edge list — <c>source,target[,type][,weight]</c>, one row per tie — as an
/// organisation: the form <c>Export/EdgeListCsv</c> writes, so an export imports back to the same
/// ties, types and weights. Deterministic: no randomness is involved.
/// </summary>
/// <remarks>
/// <para>Ids are text; agents are numbered in order of first appearance (source before target)
/// and named by their id. The type says what the target is to the source (<c>manager</c>: the
/// target is the source's manager), as <see cref="EdgeTypes.Name"/> spells it, ignoring case;
/// blank means <c>team_peer</c>. The weight is in (0, 1]; blank means 1.</para>
/// <para>Teams are the groups joined by <c>team_peer</c> ties (an agent with none is a team of
/// its own), numbered in agent order. Without <c>manager</c> or <c>report</c> ties the
/// organisation is flat: everyone at level 0, front line. With them, each agent's manager is
/// set, its level is its depth below the top of its reporting line (0 for agents in none), and
/// agents with reports are managers; an edge list names no executives.</para>
/// </remarks>
public static class EdgeListImporter
{
    /// <summary>The column names: <c>source</c> and <c>target</c> required, <c>type</c> and <c>weight</c> optional; matched ignoring case.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["source", "target", "type", "weight"];

    /// <summary>Imports the edge list at <paramref name="path"/>.</summary>
    /// <exception cref="ImportException">The file cannot be read or has errors; every problem is listed.</exception>
    public static ImportResult Import(string path) => Import(path, path);

    /// <summary>Imports the edge list at <paramref name="path"/>, naming it <paramref name="shownAs"/> in problems.</summary>
    internal static ImportResult Import(string path, string shownAs)
    {
        using ImportCsv csv = ImportCsv.Open(path, shownAs);
        return Import(csv);
    }

    /// <summary>Imports an edge list read from <paramref name="reader"/> (left open), named <paramref name="fileName"/> in problems.</summary>
    /// <exception cref="ImportException">The text has errors; every problem is listed.</exception>
    public static ImportResult Import(TextReader reader, string fileName)
    {
        using ImportCsv csv = ImportCsv.Open(reader, fileName);
        return Import(csv);
    }

    private readonly record struct Tie(int Source, int Target, EdgeType Type, float Weight);

    private static ImportResult Import(ImportCsv csv)
    {
        if (csv.Header.Count == 0)
        {
            csv.Error(1, "the file is empty; its first row should be the header: source,target,type,weight (type and weight may be left out)");
            csv.ThrowIfErrors();
        }

        int source = csv.Column("source"), target = csv.Column("target"), type = csv.Column("type"), weight = csv.Column("weight");
        if (source < 0)
        {
            csv.MissingColumn("source", "it holds the id of one end of each tie");
        }

        if (target < 0)
        {
            csv.MissingColumn("target", "it holds the id of the other end of each tie");
        }

        csv.ThrowIfErrors();
        var agents = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var ties = new List<Tie>();
        var tieRows = new Dictionary<long, int>();
        var managers = new Dictionary<int, (int Manager, int Row)>();
        int Agent(string id)
        {
            if (!agents.TryGetValue(id, out int v))
            {
                v = names.Count;
                agents.Add(id, v);
                names.Add(id);
            }

            return v;
        }

        while (csv.Read())
        {
            int row = csv.Row;
            // An export protects ids that look like formulas with a leading quote (CsvFormat.Neutralise); drop it.
            string from = CsvFormat.Restore(csv.Get(source)), to = CsvFormat.Restore(csv.Get(target));
            if (from.Length == 0 || to.Length == 0)
            {
                csv.Error(row, $"the {(from.Length == 0 ? "source" : "target")} is blank; every tie needs the ids of both ends");
                continue;
            }

            int a = Agent(from), b = Agent(to);
            EdgeType? edgeType = ParseType(csv, row, csv.Get(type));
            float? edgeWeight = ParseWeight(csv, row, csv.Get(weight));
            if (a == b)
            {
                csv.Error(row, $"the tie joins \"{from}\" to themself; remove the row");
                continue;
            }

            if (edgeType is not { } t || edgeWeight is not { } w)
            {
                continue;
            }

            long pair = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
            if (!tieRows.TryAdd(pair, row))
            {
                csv.Error(row, $"\"{from}\" and \"{to}\" are already tied on row {tieRows[pair]}; two people share one tie, whichever way round it is written: keep one row");
                continue;
            }

            if (t is EdgeType.Manager or EdgeType.Report)
            {
                (int report, int manager) = t == EdgeType.Manager ? (a, b) : (b, a);
                if (managers.TryGetValue(report, out var first))
                {
                    csv.Error(row, $"\"{names[report]}\" already has manager \"{names[first.Manager]}\" (row {first.Row}); an employee has one manager: make the other tie dotted_manager");
                    continue;
                }

                managers.Add(report, (manager, row));
            }

            ties.Add(new Tie(a, b, t, w));
        }

        if (ties.Count == 0 && !csv.HasErrors)
        {
            csv.Error(csv.HeaderRow, "the file has a header but no ties; add one row per tie below it");
        }

        int n = names.Count;
        var parent = new int[n];
        Array.Fill(parent, -1);
        foreach ((int report, (int manager, _)) in managers)
        {
            parent[report] = manager;
        }

        var forest = new ReportingForest(parent);
        foreach (IReadOnlyList<int> cycle in forest.Cycles)
        {
            int[] members = [.. cycle];
            int start = Array.IndexOf(members, members.MinBy(v => managers[v].Row));
            members = [.. members[start..], .. members[..start]];
            string path = string.Join(" → ", members.Append(members[0]).Select(v => $"\"{names[v]}\""));
            string rows = string.Join(", ", members.Select(v => managers[v].Row.ToString(CultureInfo.InvariantCulture)));
            csv.Error(managers[members[0]].Row, $"manager cycle: {path}, each reporting to the next (rows {rows}); someone in it must report to a manager outside it, or have none");
        }

        csv.ThrowIfErrors();
        HrExportImporter.CheckDepth(csv, forest, v => $"\"{names[v]}\"", v => managers[v].Row);
        IReadOnlyList<int> depth = forest.Depth;
        csv.ThrowIfErrors();

        var hasReports = new bool[n];
        foreach ((_, (int manager, _)) in managers)
        {
            hasReports[manager] = true;
        }

        int[] teams = Teams(n, ties);
        var builder = new OrgGraphBuilder(n);
        for (int v = 0; v < n; v++)
        {
            builder.SetNode(v, parent[v], teams[v], depth[v], hasReports[v] ? Role.Manager : Role.FrontLine);
            builder.SetName(v, names[v]);
        }

        foreach (Tie tie in ties)
        {
            builder.AddTie(tie.Source, tie.Target, tie.Type, tie.Weight);
        }

        return new ImportResult(builder.Build(), csv.Problems());
    }

    private static EdgeType? ParseType(ImportCsv csv, int row, string value)
    {
        if (value.Length == 0)
        {
            return EdgeType.TeamPeer;
        }

        string name = value.ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        if (EdgeTypes.Parse(name) is { } type)
        {
            return type;
        }

        string[] known = [.. EdgeTypes.All.Select(EdgeTypes.Name)];
        string? nearest = NameSuggester.Suggest(name, known);
        string hint = nearest is null ? string.Empty : $"did you mean \"{nearest}\"? ";
        csv.Error(row, $"tie type \"{value}\" is unknown; {hint}the types are {string.Join(", ", known)}, and blank means team_peer");
        return null;
    }

    private static float? ParseWeight(ImportCsv csv, int row, string value)
    {
        if (value.Length == 0)
        {
            return 1f;
        }

        if (!float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out float weight) || !float.IsFinite(weight))
        {
            csv.Error(row, $"weight \"{value}\" is not a number; write a number in (0, 1] with a decimal point, or leave it blank for 1");
            return null;
        }

        if (!(weight > 0f && weight <= 1f))
        {
            csv.Error(row, $"weight {value} is outside (0, 1]; a tie's weight multiplies how strongly it counts, from just above 0 to 1 (full)");
            return null;
        }

        return weight;
    }

    /// <summary>Team per agent: the groups joined by team-peer ties, numbered in agent order.</summary>
    private static int[] Teams(int n, List<Tie> ties)
    {
        var root = new int[n];
        for (int v = 0; v < n; v++)
        {
            root[v] = v;
        }

        int Find(int v)
        {
            while (root[v] != v)
            {
                root[v] = root[root[v]];
                v = root[v];
            }

            return v;
        }

        foreach (Tie tie in ties)
        {
            if (tie.Type == EdgeType.TeamPeer)
            {
                int a = Find(tie.Source), b = Find(tie.Target);
                root[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        var teamOfRoot = new Dictionary<int, int>();
        var teams = new int[n];
        for (int v = 0; v < n; v++)
        {
            int r = Find(v);
            if (!teamOfRoot.TryGetValue(r, out teams[v]))
            {
                teams[v] = teamOfRoot.Count;
                teamOfRoot.Add(r, teams[v]);
            }
        }

        return teams;
    }
}
