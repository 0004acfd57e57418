namespace OrgSim.Experiments.Output;

/// <summary>
/// A file of an output folder that orgsim wrote but cannot use as it is now: cut short, changed on
/// disk, or edited by hand. Never an internal error: the message names the file, the line where
/// that helps, and what is wrong; whoever reports it adds what to do, which depends on the command.
/// </summary>
public sealed class DamagedFileException : Exception
{
    /// <summary>A damaged file, <paramref name="problem"/> saying what is wrong with it.</summary>
    public DamagedFileException(string path, string problem)
        : this(path, null, problem)
    {
    }

    /// <summary>A damaged file, <paramref name="problem"/> saying what is wrong at <paramref name="line"/> (from 1).</summary>
    public DamagedFileException(string path, int? line, string problem)
        : base(line is { } l ? $"{path}, line {l}: {problem}" : $"{path}: {problem}")
    {
        FilePath = path;
        Line = line;
        Problem = problem;
    }

    /// <summary>The damaged file.</summary>
    public string FilePath { get; }

    /// <summary>The line (from 1) where the damage shows, if one does.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, without the file's name or the line.</summary>
    public string Problem { get; }

    /// <summary>What is wrong with the line, for a message that names the file itself: "line 3: not valid JSON".</summary>
    public string Described => Line is { } l ? $"line {l}: {Problem}" : Problem;
}
