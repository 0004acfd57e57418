using OrgSim.Experiments.Jobs;
using Spectre.Console;

namespace OrgSim.Cli.Commands;

/// <summary>Draws a <see cref="TextTable"/> with Spectre.Console: rounded borders on a terminal, plain text in a log file.</summary>
internal static class TextTableView
{
    public static void Print(TextWriter stdout, TextTable table)
    {
        IAnsiConsole console = Terminal.Console(stdout);
        var view = new Table().Border(TableBorder.Rounded).Title(Terminal.Markup(table.Title));
        for (int c = 0; c < table.Columns.Count; c++)
        {
            var column = new TableColumn(Terminal.Markup(table.Columns[c]));
            view.AddColumn(table.RightAligned[c] ? column.RightAligned() : column);
        }

        foreach (IReadOnlyList<string> row in table.Rows)
        {
            view.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)Terminal.Text(cell)).ToArray());
        }

        console.Write(view);
    }
}
