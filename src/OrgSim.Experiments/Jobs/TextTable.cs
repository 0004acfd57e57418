namespace OrgSim.Experiments.Jobs;

/// <summary>A table for the terminal, as plain strings: the command line decides how to draw it.</summary>
/// <param name="Title">The caption above it.</param>
/// <param name="Columns">Column headers.</param>
/// <param name="RightAligned">Per column, whether its values are numbers to align right.</param>
/// <param name="Rows">The cells, row by row.</param>
public sealed record TextTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<bool> RightAligned, IReadOnlyList<IReadOnlyList<string>> Rows);
