using OrgSim.Experiments.Import;

namespace OrgSim.Experiments.Output;

/// <summary>
/// Reads a file orgsim wrote into an output folder, after checking that it could be one: a regular
/// file, not larger than orgsim ever writes there. Anyone who can write into a shared results
/// folder can put a named pipe (which would block the read, and the folder's lock with it), a link
/// to <c>/dev/zero</c> or a huge sparse file in place of ours; such a file is named as damaged, unread.
/// </summary>
internal static class OwnFile
{
    /// <summary>The most orgsim writes into <c>identity.json</c>, <c>run.json</c> (one line per sweep point) and the commit journal.</summary>
    public const long MaxSmallFileBytes = 64L << 20;

    /// <summary>
    /// The most orgsim reads as an org chart. It writes at most 4,000 teams or groups a week per arm
    /// (<see cref="Report.OrgChartRecorder.MaxRecordedTeams"/>): about 2 MB per arm over two years,
    /// 80 MB over the longest horizon, so a dozen such arms fit.
    /// </summary>
    public const long MaxOrgChartBytes = 1L << 30;

    /// <summary>Tables grow with the runs and have no bound of their own: only their kind is checked.</summary>
    public const long NoLimit = long.MaxValue;

    /// <summary>What keeps <paramref name="path"/> from being read as one of our files, or null; a missing file is the caller's to handle.</summary>
    public static string? Problem(string path, long maxBytes)
    {
        var (trouble, words) = InputFile.Check(path, maxBytes);
        return trouble switch
        {
            InputFile.Trouble.None or InputFile.Trouble.Missing => null,
            InputFile.Trouble.TooLarge => $"{words}, more than orgsim ever writes there ({InputFile.Limit(maxBytes)})",
            _ => $"{words}; orgsim writes only regular files there",
        };
    }

    /// <summary>Throws <see cref="DamagedFileException"/> if <paramref name="path"/> cannot be one of our files.</summary>
    public static void Require(string path, long maxBytes)
    {
        if (Problem(path, maxBytes) is { } problem)
        {
            throw new DamagedFileException(path, problem);
        }
    }

    /// <summary>The text of <paramref name="path"/>, once it is known to be a regular file within <paramref name="maxBytes"/>.</summary>
    public static string ReadText(string path, long maxBytes)
    {
        Require(path, maxBytes);
        return File.ReadAllText(path);
    }
}
