using System.Globalization;
using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Report;

/// <summary>
/// The org chart as an icicle: one row per level of the team tree, each team a rectangle whose
/// width is the headcount of the team and everyone under it, nested under its parent's rectangle
/// (children from its left edge, the parent's own people the space to their right). A team whose
/// rectangle would be narrower than <see cref="MinCellWidth"/> is not drawn alone: the narrow
/// children of one parent are pooled, level by level, into one rectangle per level ("12 teams"),
/// whose width is the pooled people at that level and below, so pooled rectangles nest too.
/// A label is placed only where it fits inside its rectangle — across it, or else up it — at
/// <see cref="FontSize"/> px; otherwise the rectangle is drawn unlabelled and its parent's label
/// names it. Labels lie inside their own rectangles and rectangles of a row do not overlap, so no
/// two labels overlap. A forest of lone teams (no managers) is one level with nothing to pool under,
/// so its teams are shelved over several rows, each with room for a name read upwards.
/// </summary>
/// <remarks>Coordinates are in SVG units: x from the left of the drawing, y from the top of the first row. Pure and deterministic.</remarks>
/// <param name="Cells">The rectangles, row by row, left to right.</param>
/// <param name="Rows">The rows, top down.</param>
internal sealed record OrgChartIcicle(IReadOnlyList<IcicleCell> Cells, IReadOnlyList<IcicleRow> Rows)
{
    /// <summary>The width of the drawing in SVG units.</summary>
    public const double Width = 1600;

    /// <summary>The gutter on the left that holds the level labels.</summary>
    public const double Left = 112;

    /// <summary>The right margin.</summary>
    public const double Right = 24;

    /// <summary>The size of a rectangle's label, px at the drawing's natural width.</summary>
    public const double FontSize = 13;

    /// <summary>The narrowest rectangle drawn for one team; narrower ones are pooled.</summary>
    public const double MinCellWidth = 6;

    /// <summary>The height of a line of a label.</summary>
    public const double Line = FontSize * 1.2;

    private const double Padding = 4, MinRowHeight = 40, MaxRowHeight = 170;
    private const int MaxLines = 3, MaxShelves = 12;

    /// <summary>The width a lone team of a flat organisation is given when its teams are shelved, enough for a name read upwards.</summary>
    private const double ShelfCellWidth = 20;

    /// <summary>The ways a label is tried, best first: across on one or two lines, up on one, across on three, up on two or three.</summary>
    private static readonly (int Lines, bool Vertical)[] Placements = [(1, false), (2, false), (1, true), (3, false), (2, true), (3, true)];

    private static bool Fits(string[] lines, double width, double height, bool vertical)
    {
        double along = lines.Max(TextWidth) + 2 * Padding, across = lines.Length * Line + (vertical ? 2 : 2 * Padding);
        return lines.Length > 0 && (vertical ? across <= width && along <= height : along <= width && across <= height);
    }

    /// <summary><paramref name="text"/> on at most <paramref name="lines"/> lines, broken at spaces so the longest line is as short as can be.</summary>
    internal static string[] Wrap(string text, int lines)
    {
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (lines <= 1 || words.Length <= 1)
        {
            return [text];
        }

        string[] best = [text];
        double bestWidth = TextWidth(text);
        for (int i = 1; i < words.Length; i++)
        {
            for (int j = lines >= 3 ? i + 1 : words.Length; j <= words.Length; j++)
            {
                string[] candidate = j == words.Length
                    ? [string.Join(' ', words[..i]), string.Join(' ', words[i..])]
                    : [string.Join(' ', words[..i]), string.Join(' ', words[i..j]), string.Join(' ', words[j..])];
                double width = candidate.Max(TextWidth);
                if (width < bestWidth)
                {
                    (best, bestWidth) = (candidate, width);
                }
            }
        }

        return best;
    }

    /// <summary>The total height of the rows.</summary>
    public double Height => Rows.Count == 0 ? 0 : Rows[^1].Top + Rows[^1].Height;

    /// <summary>The icicle of <paramref name="chart"/>'s teams.</summary>
    public static OrgChartIcicle Compute(OrgChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        IReadOnlyList<OrgChartTeam> teams = chart.Teams;
        int n = teams.Count;
        if (n == 0)
        {
            return new OrgChartIcicle([], []);
        }

        var forest = ReportingForest.Repair(teams.Select(t => t.Parent).ToList());
        IReadOnlyList<int> order = forest.BreadthFirstOrder, depth = forest.Depth;
        long total = teams.Sum(t => (long)Math.Max(0, t.Size));
        double Weight(int t) => total == 0 ? 1 : Math.Max(0, teams[t].Size);
        var under = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            int v = order[i];
            under[v] += Weight(v);
            if (forest.Managers[v] >= 0)
            {
                under[forest.Managers[v]] += under[v];
            }
        }

        // A forest of lone teams (no one has a manager) has one level and no parents to pool under: its
        // teams are shelved over as many rows as give each about room for a name read upwards.
        bool flat = n > 1 && forest.Roots.Count == n;
        double available = Width - Left - Right;
        int shelves = flat ? Math.Clamp((int)Math.Ceiling(n * ShelfCellWidth / available), 1, MaxShelves) : 1;
        double scale = available * shelves / forest.Roots.Sum(r => under[r]);
        var cells = new List<(int Row, double X, double W, int[] Teams, string Label, bool Pooled)>();

        void Place(int v, double x)
        {
            cells.Add((depth[v], x, under[v] * scale, [v], teams[v].Label, false));
            PlaceChildren(forest.ReportsOf(v).ToArray(), x, depth[v] + 1);
        }

        void PlaceChildren(int[] kids, double x, int row)
        {
            var narrow = new List<int>();
            foreach (int kid in kids.Order())
            {
                if (under[kid] * scale >= MinCellWidth)
                {
                    Place(kid, x);
                    x += under[kid] * scale;
                }
                else
                {
                    narrow.Add(kid);
                }
            }

            if (narrow.Count > 0)
            {
                Pool(narrow, x, row);
            }
        }

        void Pool(List<int> roots, double x, int row)
        {
            // Every team under the pooled ones, by row; a row's rectangle is its people and those below.
            var byRow = new SortedDictionary<int, List<int>>();
            var stack = new Stack<int>(roots);
            while (stack.Count > 0)
            {
                int v = stack.Pop();
                (byRow.TryGetValue(depth[v], out var list) ? list : byRow[depth[v]] = []).Add(v);
                foreach (int r in forest.ReportsOf(v))
                {
                    stack.Push(r);
                }
            }

            double below = roots.Sum(r => under[r]);
            foreach (var (d, members) in byRow)
            {
                members.Sort();
                string label = members.Count == 1 ? teams[members[0]].Label : members.Count.ToString("N0", CultureInfo.InvariantCulture) + " teams";
                cells.Add((d, x, below * scale, [.. members], label, members.Count > 1));
                below -= members.Sum(Weight);
            }
        }

        if (shelves > 1)
        {
            // Each team goes to the shelf its middle falls on; the scale then shrinks so the fullest shelf fits.
            var shelfOf = new List<(int Root, int Shelf)>();
            double cumulative = 0;
            foreach (int root in forest.Roots.Order())
            {
                shelfOf.Add((root, Math.Min(shelves - 1, (int)((cumulative + under[root] / 2) * scale / available))));
                cumulative += under[root];
            }

            scale = available / shelfOf.GroupBy(s => s.Shelf).Max(g => g.Sum(s => under[s.Root]));
            foreach (var shelf in shelfOf.GroupBy(s => s.Shelf))
            {
                double x = Left;
                foreach (var (root, row) in shelf)
                {
                    cells.Add((row, x, under[root] * scale, [root], teams[root].Label, false));
                    x += under[root] * scale;
                }
            }
        }
        else
        {
            PlaceChildren([.. forest.Roots], Left, 0);
        }

        int rows = cells.Max(c => c.Row) + 1;
        var heights = new double[rows];
        Array.Fill(heights, MinRowHeight);
        foreach (var c in cells)
        {
            // A name that fits across in no way (up to three lines) asks its row to be tall enough to read it upwards.
            if (!Enumerable.Range(1, MaxLines).Any(k => Fits(Wrap(c.Label, k), c.W, MinRowHeight, vertical: false)))
            {
                double need = Enumerable.Range(1, MaxLines).Select(k => Wrap(c.Label, k)).Where(l => l.Length * Line + 2 <= c.W)
                    .Select(l => l.Max(TextWidth) + 2 * Padding).DefaultIfEmpty(0).Min();
                heights[c.Row] = Math.Min(MaxRowHeight, Math.Max(heights[c.Row], need));
            }
        }

        var rowList = new List<IcicleRow>();
        double top = 0;
        var rowLevels = Enumerable.Range(0, rows)
            .Select(r => shelves > 1 && r > 0 ? [] : cells.Where(c => c.Row == r).SelectMany(c => c.Teams).Select(t => teams[t].Level).Distinct().Order().ToList())
            .ToList();
        for (int r = 0; r < rows; r++)
        {
            List<int> levels = rowLevels[r];
            // A team's level is its first member's; a level no row starts at (the directors in the
            // board's team) is held by the row above the gap, so that row is labelled down to it.
            int last = levels.Count == 0 ? 0 : r + 1 < rows && rowLevels[r + 1].Count > 0 ? Math.Max(levels[^1], rowLevels[r + 1][0] - 1) : levels[^1];
            string name = levels.Count == 0 ? "" : levels[0] == last ? "Level " + Markup.Integer(levels[0]) : "Levels " + Markup.Integer(levels[0]) + "–" + Markup.Integer(last);
            rowList.Add(new IcicleRow(top, heights[r], name));
            top += heights[r];
        }

        var result = cells.OrderBy(c => c.Row).ThenBy(c => c.X).Select(c =>
        {
            IcicleRow row = rowList[c.Row];
            double cx = c.X + c.W / 2, cy = row.Top + row.Height / 2;
            IcicleLabel? label = null;
            foreach (var (k, vertical) in Placements)
            {
                string[] lines = Wrap(c.Label, k);
                if (Fits(lines, c.W, row.Height, vertical))
                {
                    double along = lines.Max(TextWidth), across = lines.Length * Line;
                    label = vertical ? new IcicleLabel(cx - across / 2, cy - along / 2, across, along, true, lines)
                        : new IcicleLabel(cx - along / 2, cy - across / 2, along, across, false, lines);
                    break;
                }
            }

            return new IcicleCell(c.Row, c.X, c.W, c.Teams, c.Label, c.Teams.Sum(t => Math.Max(0, teams[t].Size)), c.Pooled, label);
        }).ToList();
        return new OrgChartIcicle(result, rowList);
    }

    /// <summary>The people-weighted mean of the percentages of <paramref name="cell"/>'s teams in <paramref name="week"/>.</summary>
    public static int Percent(IcicleCell cell, IReadOnlyList<byte> week, IReadOnlyList<OrgChartTeam> teams)
    {
        double people = 0, sum = 0;
        foreach (int t in cell.Teams)
        {
            double w = Math.Max(0, teams[t].Size);
            people += w;
            sum += w * (t < week.Count ? week[t] : 0);
        }

        double mean = people > 0 ? sum / people : cell.Teams.Average(t => t < week.Count ? (double)week[t] : 0);
        return (int)Math.Clamp(Math.Round(mean, MidpointRounding.AwayFromZero), 0, 100);
    }

    /// <summary>
    /// A conservative estimate of the width of <paramref name="text"/> at <see cref="FontSize"/> in
    /// a sans-serif font: wide capitals and digits more, narrow letters and spaces less, so a label
    /// judged to fit does fit in the usual system fonts.
    /// </summary>
    internal static double TextWidth(string text)
    {
        double em = 0;
        foreach (char c in text)
        {
            em += c switch
            {
                'M' or 'W' or 'm' or 'w' or '@' or '%' => 0.95,
                >= 'A' and <= 'Z' => 0.74,
                'i' or 'j' or 'l' or '.' or ',' or '\'' or '|' or ':' or ';' or '!' => 0.32,
                ' ' or 'f' or 't' or 'r' or 'I' => 0.42,
                _ => 0.62,
            };
        }

        return em * FontSize;
    }
}

/// <summary>One rectangle of the icicle: a team, or teams pooled at one level.</summary>
/// <param name="Row">Its row (depth in the team tree).</param>
/// <param name="X">Its left edge.</param>
/// <param name="Width">Its width: the people of its teams and of every team under them, to scale.</param>
/// <param name="Teams">The chart's teams it stands for (one unless <paramref name="Pooled"/>).</param>
/// <param name="Name">The team's label, or "N teams".</param>
/// <param name="People">The people of its teams (not those under them).</param>
/// <param name="Pooled">Whether it stands for several teams.</param>
/// <param name="Label">Where its name is written, or null when there is no room.</param>
internal sealed record IcicleCell(int Row, double X, double Width, int[] Teams, string Name, int People, bool Pooled, IcicleLabel? Label);

/// <summary>The box a label takes: left, top, width, height; <paramref name="Vertical"/> when it reads upwards; its <paramref name="Lines"/>.</summary>
internal sealed record IcicleLabel(double X, double Y, double Width, double Height, bool Vertical, string[] Lines);

/// <summary>A row of the icicle: its top, height and the level(s) of its teams ("Level 2").</summary>
internal sealed record IcicleRow(double Top, double Height, string Label);
