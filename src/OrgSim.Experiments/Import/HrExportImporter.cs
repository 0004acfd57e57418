using System.Globalization;
using OrgSim.Core.Graph;
using OrgSim.Core.Randomness;
using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Import;

/// <summary>
/// Imports an HR export — one row per employee with their id and their manager's id, and
/// optionally team, function, site, role and a remote flag — as an organisation: the reporting
/// hierarchy, teams with team-peer ties, and remote ties weaker. Deterministic from its seed.
/// </summary>
/// <remarks>
/// <para>Agents are numbered breadth first from the top, the tops in file order and each
/// manager's reports in file order, so agent 0 is the top of the first tree and a lower id is
/// never more junior (the seeding strategies assume it). The level of an agent is its depth.</para>
/// <para>A team is a distinct value of the team column (ignoring case); without that column, or
/// for a blank value, the direct reports of one manager form a team and each top forms a team
/// alone. Team, function and site ids are numbered in agent order, so team 0 is the top's team.
/// Every pair in a team is tied as team peers, except a manager and their own reports, who are
/// tied as manager and report; in a team larger than <see cref="HrImportOptions.MaxTeamSize"/>
/// each member is tied to the <c>MaxTeamSize / 2</c> colleagues on either side in agent order.</para>
/// <para>docs/import.md lists every problem and whether it is an error (nothing is imported) or
/// a warning (the import goes on, as the warning says).</para>
/// </remarks>
public static class HrExportImporter
{
    private const ulong CrossTeamStream = 1;

    /// <summary>The ids listed in one message before "and N more".</summary>
    private const int Listed = 10;

    /// <summary>Imports the HR export at <paramref name="path"/>.</summary>
    /// <exception cref="ImportException">The file cannot be read or has errors; every problem is listed.</exception>
    public static ImportResult Import(string path, HrImportOptions options, ulong seed) => Import(path, path, options, seed);

    /// <summary>Imports the HR export at <paramref name="path"/>, naming it <paramref name="shownAs"/> in problems.</summary>
    internal static ImportResult Import(string path, string shownAs, HrImportOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using ImportCsv csv = ImportCsv.Open(path, shownAs);
        return Import(csv, options, seed);
    }

    /// <summary>Imports an HR export read from <paramref name="reader"/> (left open), named <paramref name="fileName"/> in problems.</summary>
    /// <exception cref="ImportException">The text has errors; every problem is listed.</exception>
    public static ImportResult Import(TextReader reader, string fileName, HrImportOptions options, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using ImportCsv csv = ImportCsv.Open(reader, fileName);
        return Import(csv, options, seed);
    }

    private static ImportResult Import(ImportCsv csv, HrImportOptions options, ulong seed)
    {
        Employees e = Read(csv, options.Columns);
        var forest = new ReportingForest(ResolveManagers(csv, e, options.Columns));
        foreach (IReadOnlyList<int> cycle in forest.Cycles)
        {
            ReportCycle(csv, e, cycle);
        }

        if (csv.HasErrors)
        {
            csv.ThrowIfErrors();
        }

        CheckDepth(csv, forest, v => $"employee \"{e.Ids[v]}\"", v => e.Rows[v]);
        WarnAboutSeveralTops(csv, e, forest);
        csv.ThrowIfErrors();
        return Build(csv, e, forest, options, seed);
    }

    /// <summary>The employees as read: one entry per accepted row, in file order.</summary>
    private sealed class Employees
    {
        public readonly List<int> Rows = [];
        public readonly List<string> Ids = [];
        public readonly List<string> ManagerIds = [];
        public readonly List<string> Teams = [];
        public readonly List<string> Functions = [];
        public readonly List<string> Sites = [];
        public readonly List<Role?> Roles = [];
        public readonly List<bool> Remote = [];
        public readonly Dictionary<string, int> ById = new(StringComparer.Ordinal);
        public bool HasTeams;
        public bool HasFunctions;
        public bool HasSites;

        public int Count => Ids.Count;
    }

    private static Employees Read(ImportCsv csv, HrColumns columns)
    {
        var e = new Employees();
        if (csv.Header.Count == 0)
        {
            csv.Error(1, $"the file is empty; its first row should be the header, naming at least the columns \"{columns.Id}\" and \"{columns.Manager}\"");
            csv.ThrowIfErrors();
        }

        int id = Find(csv, "id", columns.Id, HrColumns.DefaultId, required: true);
        int manager = Find(csv, "manager", columns.Manager, HrColumns.DefaultManager, required: true);
        int team = Find(csv, "team", columns.Team, HrColumns.DefaultTeam, required: false);
        int function = Find(csv, "function", columns.Function, HrColumns.DefaultFunction, required: false);
        int site = Find(csv, "site", columns.Site, HrColumns.DefaultSite, required: false);
        int role = Find(csv, "role", columns.Role, HrColumns.DefaultRole, required: false);
        int remote = Find(csv, "remote", columns.Remote, HrColumns.DefaultRemote, required: false);
        csv.ThrowIfErrors();
        (e.HasTeams, e.HasFunctions, e.HasSites) = (team >= 0, function >= 0, site >= 0);

        while (csv.Read())
        {
            int row = csv.Row;
            string employee = csv.Get(id);
            if (employee.Length == 0)
            {
                csv.Error(row, $"the employee id (column \"{csv.Header[id]}\") is blank; every employee needs one");
                continue;
            }

            if (e.ById.TryGetValue(employee, out int first))
            {
                csv.Error(row, $"employee id \"{employee}\" is on rows {e.Rows[first]} and {row}; every employee must appear once, with a unique id");
                continue;
            }

            e.ById.Add(employee, e.Count);
            e.Rows.Add(row);
            e.Ids.Add(employee);
            e.ManagerIds.Add(csv.Get(manager));
            e.Teams.Add(csv.Get(team));
            e.Functions.Add(csv.Get(function));
            e.Sites.Add(csv.Get(site));
            e.Roles.Add(ParseRole(csv, row, role));
            e.Remote.Add(ParseRemote(csv, row, remote));
        }

        if (e.Count == 0 && !csv.HasErrors)
        {
            csv.Error(csv.HeaderRow, "the file has a header but no employees; add one row per employee below it");
        }

        return e;
    }

    private static int Find(ImportCsv csv, string key, string? name, string defaultName, bool required)
    {
        if (name is null)
        {
            return -1;
        }

        int index = csv.Column(name.Trim());
        if (index >= 0)
        {
            return index;
        }

        if (required)
        {
            csv.MissingColumn(name, $"it holds each employee's {(key == "id" ? "id" : "manager's id")}; if the file calls it otherwise, name it in the scenario's organisation.columns.{key}");
        }
        else if (!string.Equals(name.Trim(), defaultName, StringComparison.OrdinalIgnoreCase))
        {
            csv.MissingColumn(name, $"the scenario's organisation.columns.{key} names it; fix the name or remove the key");
        }

        return -1;
    }

    private static Role? ParseRole(ImportCsv csv, int row, int column)
    {
        string value = csv.Get(column);
        string key = value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        switch (key)
        {
            case "":
                return null;
            case "EXECUTIVE":
                return Role.Executive;
            case "MANAGER":
                return Role.Manager;
            case "FRONTLINE":
                return Role.FrontLine;
            default:
                csv.Error(row, $"role \"{value}\" (column \"{csv.Header[column]}\") is not one of executive, manager, front_line; use one of them, or leave it blank to derive the role from the hierarchy");
                return null;
        }
    }

    private static bool ParseRemote(ImportCsv csv, int row, int column)
    {
        string value = csv.Get(column);
        switch (value.ToUpperInvariant())
        {
            case "" or "FALSE" or "NO" or "N" or "0":
                return false;
            case "TRUE" or "YES" or "Y" or "1":
                return true;
            default:
                csv.Error(row, $"remote flag \"{value}\" (column \"{csv.Header[column]}\") is not one of true, false, yes, no, y, n, 1, 0; blank means false");
                return false;
        }
    }

    /// <summary>Each employee's manager as an index into <paramref name="e"/>, or -1 for a top.</summary>
    private static int[] ResolveManagers(ImportCsv csv, Employees e, HrColumns columns)
    {
        var parent = new int[e.Count];
        Dictionary<string, int>? ignoringCase = null;
        for (int v = 0; v < e.Count; v++)
        {
            string manager = e.ManagerIds[v];
            parent[v] = -1;
            if (manager.Length == 0)
            {
                continue;
            }

            if (string.Equals(manager, e.Ids[v], StringComparison.Ordinal))
            {
                csv.Error(e.Rows[v], $"employee \"{manager}\" is their own manager; leave column \"{columns.Manager}\" blank for the top of the organisation");
            }
            else if (e.ById.TryGetValue(manager, out int m))
            {
                parent[v] = m;
            }
            else
            {
                if (ignoringCase is null)
                {
                    ignoringCase = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                    for (int u = 0; u < e.Count; u++)
                    {
                        ignoringCase.TryAdd(e.Ids[u], u);
                    }
                }

                string hint = ignoringCase.TryGetValue(manager, out int near) ? $" (did you mean \"{e.Ids[near]}\"?)" : string.Empty;
                csv.Warning(e.Rows[v], $"manager \"{manager}\" of employee \"{e.Ids[v]}\" is not in the file{hint}; \"{e.Ids[v]}\" is imported as the top of a separate tree");
            }
        }

        return parent;
    }

    private static void ReportCycle(ImportCsv csv, Employees e, IReadOnlyList<int> cycle)
    {
        // Start at the member nearest the top of the file, where the user will look first (the
        // forest starts at the lowest index, which is that member: employees are in file order).
        int[] members = [.. cycle];
        int start = Array.IndexOf(members, members.MinBy(v => e.Rows[v]));
        members = [.. members[start..], .. members[..start]];
        IEnumerable<string> chain = members.Take(Listed).Select(v => $"\"{e.Ids[v]}\"");
        string path = members.Length > Listed
            ? string.Join(" → ", chain) + $" → … ({members.Length} employees)"
            : string.Join(" → ", chain.Append($"\"{e.Ids[members[0]]}\""));
        string rows = string.Join(", ", members.Take(Listed).Select(v => e.Rows[v].ToString(CultureInfo.InvariantCulture)));
        csv.Error(e.Rows[members[0]], $"manager cycle: {path}, each reporting to the next (rows {rows}{(members.Length > Listed ? ", …" : string.Empty)}); someone in it must report to a manager outside it, or have none");
    }

    /// <summary>Reports the first node, in breadth-first order, deeper than the 256 levels a graph holds.</summary>
    internal static void CheckDepth(ImportCsv csv, ReportingForest forest, Func<int, string> describe, Func<int, int> row)
    {
        IReadOnlyList<int> depth = forest.Depth;
        foreach (int v in forest.BreadthFirstOrder)
        {
            if (depth[v] >= HierarchyGenerator.MaxLevels)
            {
                csv.Error(row(v), $"{describe(v)} is {depth[v]} levels below the top; OrgSim holds at most {HierarchyGenerator.MaxLevels} levels (0 to {HierarchyGenerator.MaxLevels - 1}); check the manager column for a chain that should not be there");
                return;
            }
        }
    }

    private static void WarnAboutSeveralTops(ImportCsv csv, Employees e, ReportingForest forest)
    {
        IReadOnlyList<int> tops = forest.Roots;
        if (tops.Count < 2)
        {
            return;
        }

        string listed = string.Join(", ", tops.Take(Listed).Select(v => $"\"{e.Ids[v]}\" (row {e.Rows[v]})"));
        string more = tops.Count > Listed ? $" and {tops.Count - Listed} more" : string.Empty;
        csv.Warning(e.Rows[tops[1]], $"{tops.Count} employees have no manager in the file: {listed}{more}; they are imported as separate trees, each top at level 0 — give them a common manager if they belong to one organisation");
    }

    private static ImportResult Build(ImportCsv csv, Employees e, ReportingForest forest, HrImportOptions options, ulong seed)
    {
        int n = e.Count;
        int[] order = [.. forest.BreadthFirstOrder];
        IReadOnlyList<int> parent = forest.Managers, depth = forest.Depth;
        var agentOf = new int[n];
        for (int k = 0; k < n; k++)
        {
            agentOf[order[k]] = k;
        }

        // From here on everything is indexed by agent.
        var managers = new int[n];
        var reports = new int[n];
        for (int v = 0; v < n; v++)
        {
            int p = parent[order[v]];
            managers[v] = p < 0 ? -1 : agentOf[p];
            if (managers[v] >= 0)
            {
                reports[managers[v]]++;
            }
        }

        (int[] teams, List<string> teamNames) = Teams(e, order, managers);
        (int[] functions, List<string> functionNames) = Distinct(e.HasFunctions, e.Functions, order);
        (int[] sites, List<string> siteNames) = Distinct(e.HasSites, e.Sites, order);
        var remote = new bool[n];
        for (int v = 0; v < n; v++)
        {
            remote[v] = e.Remote[order[v]];
        }

        float remoteWeight = (float)options.RemoteTieWeight;
        float Weight(int a, int b) => remote[a] || remote[b] || sites[a] != sites[b] ? remoteWeight : 1f;

        var builder = new OrgGraphBuilder(n);
        for (int v = 0; v < n; v++)
        {
            Role role = e.Roles[order[v]] ?? (depth[order[v]] < options.ExecutiveLevels ? Role.Executive
                : reports[v] > 0 ? Role.Manager
                : Role.FrontLine);
            builder.SetNode(v, managers[v], teams[v], depth[order[v]], role);
            builder.SetPlacement(v, functions[v], sites[v], remote[v]);
            builder.SetName(v, e.Ids[order[v]]);
            if (managers[v] >= 0)
            {
                builder.AddTie(v, managers[v], EdgeType.Manager, Weight(v, managers[v]));
            }
        }

        bool IsManagerPair(int a, int b) => managers[a] == b || managers[b] == a;
        foreach (int[] members in Members(teams, teamNames.Count))
        {
            if (members.Length <= options.MaxTeamSize)
            {
                for (int i = 0; i < members.Length; i++)
                {
                    for (int j = i + 1; j < members.Length; j++)
                    {
                        if (!IsManagerPair(members[i], members[j]))
                        {
                            builder.AddTie(members[i], members[j], EdgeType.TeamPeer, Weight(members[i], members[j]));
                        }
                    }
                }

                continue;
            }

            int half = options.MaxTeamSize / 2;
            int firstRow = members.Min(v => e.Rows[order[v]]);
            csv.Warning(firstRow, $"team \"{teamNames[teams[members[0]]]}\" has {members.Length} members, more than max_team_size {options.MaxTeamSize}; each member is tied to the {2 * half} colleagues nearest in the hierarchy's order rather than to all {members.Length - 1}");
            for (int i = 0; i < members.Length; i++)
            {
                for (int d = 1; d <= half; d++)
                {
                    // members.Length > 2 × half, so each pair is met once, from its earlier end.
                    int a = members[i], b = members[(i + d) % members.Length];
                    if (!IsManagerPair(a, b))
                    {
                        builder.AddTie(Math.Min(a, b), Math.Max(a, b), EdgeType.TeamPeer, Weight(a, b));
                    }
                }
            }
        }

        foreach (long pair in CrossTeamPairs(teams, managers, options.CrossTeamTiesPerAgent, seed))
        {
            int a = (int)(pair >> 32), b = (int)(pair & 0xFFFFFFFF);
            builder.AddTie(a, b, EdgeType.CrossTeam, Weight(a, b));
        }

        // No errors are left by now: every problem is a warning.
        builder.SetTeamNames(teamNames);
        return new ImportResult(builder.Build(), csv.Problems())
        {
            TeamNames = teamNames,
            FunctionNames = functionNames,
            SiteNames = siteNames,
        };
    }

    /// <summary>Team per agent, numbered in agent order: the team column's value, else the direct reports of one manager; and each team's name.</summary>
    private static (int[] Teams, List<string> Names) Teams(Employees e, int[] order, int[] managers)
    {
        int n = order.Length;
        var teams = new int[n];
        var names = new List<string>();
        var named = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byManager = new Dictionary<int, int>();
        for (int v = 0; v < n; v++)
        {
            string value = e.HasTeams ? e.Teams[order[v]] : string.Empty;
            if (value.Length > 0)
            {
                if (!named.TryGetValue(value, out teams[v]))
                {
                    teams[v] = names.Count;
                    named.Add(value, teams[v]);
                    names.Add(value);
                }

                continue;
            }

            // A top with no team value is a team alone; keys below zero cannot clash with agent ids.
            int key = managers[v] >= 0 ? managers[v] : -1 - v;
            if (!byManager.TryGetValue(key, out teams[v]))
            {
                teams[v] = names.Count;
                byManager.Add(key, teams[v]);
                names.Add(managers[v] >= 0 ? $"reports of {e.Ids[order[managers[v]]]}" : e.Ids[order[v]]);
            }
        }

        return (teams, names);
    }

    /// <summary>Ids for the distinct values (ignoring case) in agent order, and their names; all 0 and no names when the column is absent.</summary>
    private static (int[] Ids, List<string> Names) Distinct(bool present, List<string> values, int[] order)
    {
        var ids = new int[order.Length];
        var names = new List<string>();
        if (!present)
        {
            return (ids, names);
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int v = 0; v < order.Length; v++)
        {
            string value = values[order[v]];
            if (!seen.TryGetValue(value, out ids[v]))
            {
                ids[v] = names.Count;
                seen.Add(value, ids[v]);
                names.Add(value);
            }
        }

        return (ids, names);
    }

    /// <summary>The members of each team in ascending agent id, by team id.</summary>
    private static int[][] Members(int[] teams, int teamCount)
    {
        var size = new int[teamCount];
        foreach (int t in teams)
        {
            size[t]++;
        }

        int[][] members = [.. size.Select(s => new int[s])];
        Array.Clear(size);
        for (int v = 0; v < teams.Length; v++)
        {
            members[teams[v]][size[teams[v]]++] = v;
        }

        return members;
    }

    /// <summary>
    /// Distinct random pairs in different teams and not manager and report, packed lower id high,
    /// sorted: round(n × mean / 2) of them, or fewer after a bounded number of draws. As
    /// <see cref="HierarchyGenerator"/> draws them, with its stream number.
    /// </summary>
    private static List<long> CrossTeamPairs(int[] teams, int[] managers, double mean, ulong seed)
    {
        int n = teams.Length;
        long target = (long)Math.Round(n * mean / 2.0, MidpointRounding.AwayFromZero);
        var pairs = new List<long>();
        if (target == 0 || n < 2)
        {
            return pairs;
        }

        ulong key = CounterRng.Key(seed, CrossTeamStream);
        long maxDraws = (20 * target) + 1_000;
        ulong draw = 0;
        while (pairs.Count < target && (long)draw < maxDraws)
        {
            long missing = target - pairs.Count;
            for (long i = 0; i < missing && (long)draw < maxDraws; i++)
            {
                int a = CounterRng.Below(key, draw++, n), b = CounterRng.Below(key, draw++, n);
                if (a != b && teams[a] != teams[b] && managers[a] != b && managers[b] != a)
                {
                    pairs.Add(a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a);
                }
            }

            // Sort and drop repeats: the result depends only on the seed, not on draw order.
            pairs.Sort();
            int unique = 0;
            for (int i = 0; i < pairs.Count; i++)
            {
                if (unique == 0 || pairs[i] != pairs[unique - 1])
                {
                    pairs[unique++] = pairs[i];
                }
            }

            pairs.RemoveRange(unique, pairs.Count - unique);
        }

        return pairs;
    }
}
