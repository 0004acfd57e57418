using System.Globalization;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// The competency wheel, drawn the way the coach of seed 002 draws his: four areas, each a quarter
/// whose arc sits on ring 1 (least) to ring 9 (best). Here the rating is 1 + 8 × the share at
/// stage ≥ 2 at the horizon. wheel.svg has one wheel per arm for the whole organisation;
/// wheel-teams.svg a spread of front-line teams, for every arm.
/// </summary>
internal static class WheelChart
{
    /// <summary>The page's width, the statistical charts' width.</summary>
    private const double PageWidth = ChartPlot.PageWidth;

    public const string FileName = "wheel.svg", TeamsFileName = "wheel-teams.svg", Title = "Competency wheel of the organisation";

    /// <summary>The most team wheels drawn: more would be too small to read on a projector.</summary>
    public const int MaxTeams = 12;

    private const double TitleHeight = 84, NoteHeight = 44;

    /// <summary>1 + 8 × <paramref name="share"/>: 1 when nobody is competent, 9 when everybody is.</summary>
    public static double Rating(double share) => 1 + (8 * Math.Clamp(double.IsFinite(share) ? share : 0, 0, 1));

    public static Chart DrawOrganisation(ChartInput input)
    {
        const double panelHeight = 330, radius = 100;
        int columns = Math.Min(3, input.Series.Count), rows = (input.Series.Count + columns - 1) / columns;
        double panelWidth = PageWidth / columns, height = TitleHeight + (rows * panelHeight) + NoteHeight;
        using var svg = new SvgWriter(PageWidth, height, Title, input.Subtitle);
        for (int a = 0; a < input.Series.Count; a++)
        {
            ArmSeries s = input.Series[a];
            double[] ratings = s.StageShares.Select(weeks => Rating(weeks[^1][2] + weeks[^1][3])).ToArray();
            double px = a % columns * panelWidth, py = TitleHeight + (a / columns * panelHeight);
            double cx = px + (panelWidth / 2), cy = py + 70 + radius;
            svg.Open("g", ("class", "wheel"));
            svg.Title(s.Arm);
            svg.Text(cx, py + 14, SvgWriter.Fit(s.Arm, panelWidth - 20, 17), ("text-anchor", "middle"), ("font-size", 17), ("font-weight", "bold"), ("class", "panel-title"));
            Wheel(svg, cx, cy, radius, ratings, ringLabels: true);
            for (int c = 0; c < 4; c++)
            {
                bool right = c is 0 or 1, upper = c is 0 or 3;
                svg.Text(cx + (right ? 8 : -8), upper ? cy - radius - 14 : cy + radius + 28, $"{ResultTables.CompetencyNames[c]} {Fixed(ratings[c])}",
                    ("text-anchor", right ? "start" : "end"), ("class", "area-label"));
            }

            svg.Close();
        }

        Note(svg, height, input.Horizon);
        return new Chart(FileName, Title, svg.Finish());
    }

    /// <summary>
    /// Small wheels for front-line teams (the deepest level of the org chart, then the next ones up
    /// if too few; in a chart of groups, the bottom group of each unit's column), chosen to show contrast: sorted by their mean share at stage ≥ 2 over all arms
    /// and competencies, then evenly spaced ranks from least to most competent. The same teams are
    /// drawn for every arm, a block of rows per arm headed by its name: up to <see cref="MaxTeams"/>
    /// teams with one arm, 8 with two, 4 with more. Null when the org chart has no teams or shares.
    /// </summary>
    public static Chart? DrawTeams(ChartInput input, OrgChart orgChart)
    {
        int arms = Math.Min(orgChart.Arms.Count, orgChart.FinalCompetencyShares.Count);
        if (arms == 0)
        {
            return null;
        }

        int count = Enumerable.Range(0, arms).Min(a => Math.Min(orgChart.Teams.Count, orgChart.FinalCompetencyShares[a].Count));
        int perArm = arms == 1 ? MaxTeams : arms == 2 ? 8 : 4;
        List<int> teams = PickTeams(orgChart, arms, count, perArm);
        if (teams.Count == 0)
        {
            return null;
        }

        const double panelWidth = PageWidth / 4, panelHeight = 240, radius = 62, legendHeight = 40, armHeight = 34;
        int rowsPerArm = (teams.Count + 3) / 4;
        double blockHeight = armHeight + (rowsPerArm * panelHeight);
        double height = TitleHeight + (arms * blockHeight) + legendHeight + NoteHeight;
        // A chart recorded as groups (a very large organisation) has groups where teams would be.
        string title = orgChart.Grouping is null ? "Competency wheels of front-line teams" : "Competency wheels of front-line groups of teams";
        string subtitle = $"{input.Tables.Name} · from least to most competent · one run per arm";
        using var svg = new SvgWriter(PageWidth, height, title, subtitle);
        for (int a = 0; a < arms; a++)
        {
            var shares = orgChart.FinalCompetencyShares[a];
            string arm = orgChart.Arms[a].Name;
            double top = TitleHeight + (a * blockHeight);
            svg.Text(20, top + 20, SvgWriter.Fit("arm " + arm, PageWidth - 40, 17), ("font-size", 17), ("font-weight", "bold"), ("class", "arm-title"));
            for (int i = 0; i < teams.Count; i++)
            {
                OrgChartTeam team = orgChart.Teams[teams[i]];
                double[] ratings = Enumerable.Range(0, 4).Select(c => Rating(c < shares[teams[i]].Count ? shares[teams[i]][c] : 0)).ToArray();
                double px = i % 4 * panelWidth, py = top + armHeight + (i / 4 * panelHeight);
                double cx = px + (panelWidth / 2), cy = py + 62 + radius;
                svg.Open("g", ("class", "wheel"));
                svg.Title(team.Label);
                svg.Text(cx, py + 14, SvgWriter.Fit(team.Label, panelWidth - 16, SvgWriter.LabelSize), ("text-anchor", "middle"), ("font-weight", "bold"), ("class", "panel-title"));
                svg.Text(cx, py + 34, string.Create(CultureInfo.InvariantCulture, $"{team.Size} people, level {team.Level}"), ("text-anchor", "middle"), ("font-size", 14), ("fill", Palette.Muted));
                Wheel(svg, cx, cy, radius, ratings, ringLabels: false);
                for (int c = 0; c < 4; c++)
                {
                    double angle = (-45 + (90 * c)) * Math.PI / 180;
                    svg.Text(cx + ((radius + 18) * Math.Cos(angle)), cy + ((radius + 18) * Math.Sin(angle)) + 5, Fixed(ratings[c]), ("text-anchor", "middle"), ("font-size", 14), ("class", "rating"));
                }

                svg.Close();
            }
        }

        double ly = TitleHeight + (arms * blockHeight) + 10;
        svg.Open("g", ("class", "legend"));
        for (int c = 0; c < 4; c++)
        {
            svg.Leaf("rect", ("x", 20 + (c * 215)), ("y", ly), ("width", 24), ("height", 16), ("fill", Palette.Competencies[c]));
            svg.Text(20 + (c * 215) + 32, ly + 13, ResultTables.CompetencyNames[c]);
        }

        svg.Close();
        Note(svg, height, input.Horizon);
        return new Chart(TeamsFileName, title, svg.Finish());
    }

    /// <summary>
    /// Up to <paramref name="take"/> of the first <paramref name="count"/> teams (or groups, see
    /// <see cref="FrontLineGroups"/>): the deepest level first (then the next ones up while too few),
    /// sorted by mean share over arms and competencies, at evenly spaced ranks so the least and the
    /// most competent are both shown.
    /// </summary>
    private static List<int> PickTeams(OrgChart orgChart, int arms, int count, int take)
    {
        List<int> candidates = orgChart.Grouping is null ? DeepestTeams(orgChart, count, take) : FrontLineGroups(orgChart, count);
        double Mean(int t) => Enumerable.Range(0, arms).Average(a => orgChart.FinalCompetencyShares[a][t] is { Count: > 0 } s ? s.Average() : 0);
        var sorted = candidates.OrderBy(Mean).ThenBy(t => t).ToList();
        if (sorted.Count <= take)
        {
            return sorted;
        }

        return Enumerable.Range(0, take).Select(i => sorted[(int)Math.Round((double)i * (sorted.Count - 1) / (take - 1), MidpointRounding.AwayFromZero)]).ToList();
    }

    /// <summary>The teams of the deepest levels, a level at a time until there are <paramref name="take"/>.</summary>
    private static List<int> DeepestTeams(OrgChart orgChart, int count, int take)
    {
        var candidates = new List<int>();
        foreach (var level in Enumerable.Range(0, count).GroupBy(t => orgChart.Teams[t].Level).OrderByDescending(g => g.Key))
        {
            if (candidates.Count >= take)
            {
                break;
            }

            candidates.AddRange(level);
        }

        return candidates;
    }

    /// <summary>
    /// The groups no group hangs under: in a chart of <see cref="TeamGroups"/> each unit (and the
    /// pooled units) is a column of one group per level, so these are the bottom group of each
    /// column, its front line, once per unit. The levels' way of <see cref="DeepestTeams"/> would
    /// take the few deepest columns' bottom groups and then whole rows above them: manager groups,
    /// and those units twice.
    /// </summary>
    private static List<int> FrontLineGroups(OrgChart orgChart, int count)
    {
        var hasChild = new bool[count];
        foreach (OrgChartTeam group in orgChart.Teams)
        {
            if (group.Parent >= 0 && group.Parent < count)
            {
                hasChild[group.Parent] = true;
            }
        }

        return Enumerable.Range(0, count).Where(g => !hasChild[g]).ToList();
    }

    /// <summary>One wheel: the four quarters at their ratings, rings 1–9 over them, the arcs on top.</summary>
    private static void Wheel(SvgWriter svg, double cx, double cy, double radius, double[] ratings, bool ringLabels)
    {
        for (int c = 0; c < 4; c++)
        {
            svg.Open("path", ("class", "area"), ("d", Quarter(cx, cy, radius * ratings[c] / 9, c, sector: true)), ("fill", Palette.Competencies[c]), ("fill-opacity", 0.35));
            svg.Title($"{ResultTables.CompetencyNames[c]}: {Fixed(ratings[c])} of 9");
            svg.Close();
        }

        for (int ring = 1; ring <= 9; ring++)
        {
            svg.Leaf("circle", ("class", "ring"), ("cx", cx), ("cy", cy), ("r", radius * ring / 9), ("fill", "none"),
                ("stroke", ring == 9 ? Palette.Axis : Palette.Grid), ("stroke-width", ring == 9 ? 1.5 : 1));
        }

        svg.Leaf("path", ("d", $"M{SvgWriter.N(cx - radius)} {SvgWriter.N(cy)} H{SvgWriter.N(cx + radius)} M{SvgWriter.N(cx)} {SvgWriter.N(cy - radius)} V{SvgWriter.N(cy + radius)}"),
            ("stroke", Palette.Axis), ("stroke-width", 1.5));
        for (int c = 0; c < 4; c++)
        {
            svg.Leaf("path", ("class", "arc"), ("d", Quarter(cx, cy, radius * ratings[c] / 9, c, sector: false)), ("fill", "none"),
                ("stroke", Palette.Competencies[c]), ("stroke-width", 5), ("stroke-linecap", "round"));
        }

        if (ringLabels)
        {
            foreach (int ring in (int[])[1, 3, 5, 7, 9])
            {
                svg.Text(cx + 4, cy - (radius * ring / 9) + 5, ring.ToString(CultureInfo.InvariantCulture), ("font-size", 14), ("stroke", "#FFFFFF"),
                    ("stroke-width", 3), ("paint-order", "stroke"), ("class", "ring-label"));
            }
        }
    }

    /// <summary>Path data for quarter <paramref name="c"/> (clockwise from twelve o'clock) of a circle: the arc alone, or the closed sector.</summary>
    private static string Quarter(double cx, double cy, double r, int c, bool sector)
    {
        double from = (-90 + (90 * c)) * Math.PI / 180, to = from + (Math.PI / 2);
        string start = $"{SvgWriter.N(cx + (r * Math.Cos(from)))} {SvgWriter.N(cy + (r * Math.Sin(from)))}";
        string arc = $"A{SvgWriter.N(r)} {SvgWriter.N(r)} 0 0 1 {SvgWriter.N(cx + (r * Math.Cos(to)))} {SvgWriter.N(cy + (r * Math.Sin(to)))}";
        return sector ? $"M{SvgWriter.N(cx)} {SvgWriter.N(cy)} L{start} {arc} Z" : $"M{start} {arc}";
    }

    private static string Fixed(double rating) => rating.ToString("F1", CultureInfo.InvariantCulture);

    private static void Note(SvgWriter svg, double height, int horizon) =>
        svg.Text(20, height - 18, string.Create(CultureInfo.InvariantCulture, $"Rating 1–9 = 1 + 8 × share at stage ≥ 2 at week {horizon} (1 = nobody, 9 = everybody)"),
            ("font-size", 14), ("fill", Palette.Muted), ("class", "note"));
}
