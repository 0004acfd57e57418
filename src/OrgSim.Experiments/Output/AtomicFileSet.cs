namespace OrgSim.Experiments.Output;

/// <summary>
/// Writes a set of files so that none is ever seen half-written: each is written to a
/// temporary file beside its target (<see cref="AtomicFile"/>), and only when every one is
/// complete are they renamed into place. If anything fails before that, the temporary files are
/// removed and the targets are untouched.
/// </summary>
/// <remarks>
/// The renames themselves are one file at a time: a process killed between two of them would
/// leave some targets new and some old. With a <paramref name="journal"/>, the set first writes
/// (atomically) the list of its renames there; the renames left undone when the process died, or
/// when one of them failed, are finished by <see cref="Recover"/>, which the owner of the folder
/// calls before it reads or writes anything else. So the set comes out all old or all new.
/// </remarks>
/// <param name="overwrite">Whether committing may replace existing files.</param>
/// <param name="journal">Where to note the renames before making them; null for a set that needs no recovery.</param>
public sealed class AtomicFileSet(bool overwrite = true, string? journal = null) : IDisposable
{
    private const string JournalHeader = "orgsim-commit-journal 1";

    private const long MaxJournalBytes = 1L << 20;

    private readonly List<(string Temporary, string Target)> _staged = [];
    private bool _journaled;

    /// <summary>The targets staged so far.</summary>
    public IEnumerable<string> Targets => _staged.Select(s => s.Target);

    /// <summary>Writes <paramref name="target"/>'s future content through <paramref name="write"/> into a temporary file.</summary>
    public void Stage(string target, Action<TextWriter> write) => _staged.Add((AtomicFile.WriteTemporary(target, write), target));

    /// <summary>Writes <paramref name="target"/>'s future content, <paramref name="bytes"/>, into a temporary file.</summary>
    public void Stage(string target, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        _staged.Add((AtomicFile.WriteTemporaryBytes(target, s => s.Write(bytes)), target));
    }

    /// <summary>Writes the future content of several <paramref name="targets"/> together, one writer each, through <paramref name="write"/>: for files filled in one pass over their source.</summary>
    public void Stage(IReadOnlyList<string> targets, Action<IReadOnlyList<TextWriter>> write) =>
        _staged.AddRange(AtomicFile.WriteTemporaries(targets, write).Zip(targets));

    /// <summary>
    /// Renames every staged file onto its target. Without <c>overwrite</c> an existing target is an
    /// error (<see cref="IOException"/>) rather than a silent replacement.
    /// </summary>
    /// <exception cref="IOException">A rename failed; with a journal, <see cref="Recover"/> finishes the set later.</exception>
    public void Commit()
    {
        if (!overwrite && _staged.FirstOrDefault(s => File.Exists(s.Target)) is { Target: { } taken })
        {
            throw new IOException($"{taken} appeared while the run was going; nothing was replaced");
        }

        if (journal is not null)
        {
            // Relative to the journal, so that a folder moved before its recovery still recovers.
            string home = Home(journal);
            AtomicFile.Write(journal, w =>
            {
                w.WriteLine(JournalHeader);
                foreach (var (temporary, target) in _staged)
                {
                    w.WriteLine($"{Path.GetRelativePath(home, temporary)}\t{Path.GetRelativePath(home, target)}");
                }
            });
            _journaled = true; // From here on the temporary files belong to the journal: a failure must not remove them.
        }

        foreach (var (temporary, target) in _staged)
        {
            File.Move(temporary, target, overwrite);
        }

        if (journal is not null)
        {
            File.Delete(journal);
        }

        _staged.Clear();
    }

    /// <summary>
    /// Finishes the renames a journaled set left undone (its process was killed, or a rename failed)
    /// and removes the journal; returns the number of files it moved. Call it only while holding the
    /// folder, before anything else reads or removes temporary files there.
    /// </summary>
    /// <remarks>
    /// The journal is a file in a folder others may write to, so it is trusted with nothing: it must
    /// be a regular file of at most 1 MiB, and every rename in it must move a temporary file
    /// (<c>TARGET.tmp-…</c>, a regular file, not a link) onto <c>TARGET</c> beside it, inside the
    /// journal's folder, where <paramref name="isOurs"/> accepts the target's relative path. A journal
    /// with any other line is not one orgsim wrote: it is removed and nothing is moved.
    /// </remarks>
    /// <param name="journal">The journal's path.</param>
    /// <param name="isOurs">Whether a target, relative to the journal's folder with '/' separators, is a file the set may replace.</param>
    /// <exception cref="DamagedFileException">The journal is not a regular file, or too large.</exception>
    public static int Recover(string journal, Func<string, bool> isOurs)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(isOurs);
        if (!File.Exists(journal) && !Directory.Exists(journal))
        {
            return 0;
        }

        string home = Home(journal);
        string[] lines = OwnFile.ReadText(journal, MaxJournalBytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var renames = new List<(string Temporary, string Target)>();
        bool sound = lines.Length > 0 && lines[0] == JournalHeader;
        foreach (string line in lines.Skip(1))
        {
            string[] parts = line.Split('\t');
            if (!sound || parts.Length != 2 || !IsRename(home, parts[0], parts[1], isOurs))
            {
                sound = false;
                break;
            }

            renames.Add((Path.Combine(home, parts[0]), Path.Combine(home, parts[1])));
        }

        int moved = 0;
        foreach (var (temporary, target) in sound ? renames : [])
        {
            // Renames already made have no temporary file any more; the rest are made now, in order.
            if (File.Exists(temporary) && new FileInfo(temporary).LinkTarget is null)
            {
                File.Move(temporary, target, overwrite: true);
                moved++;
            }
        }

        File.Delete(journal);
        return moved;
    }

    /// <summary>Whether moving <paramref name="temporary"/> onto <paramref name="target"/> is a rename this type makes: a temporary file onto its own target, inside <paramref name="home"/>.</summary>
    private static bool IsRename(string home, string temporary, string target, Func<string, bool> isOurs)
    {
        string relativeTarget = target.Replace('\\', '/');
        if (Path.IsPathRooted(target) || Path.IsPathRooted(temporary) || relativeTarget.Split('/').Any(part => part is "" or "." or ".."))
        {
            return false;
        }

        string full = Path.GetFullPath(Path.Combine(home, target));
        return full.StartsWith(home + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && isOurs(relativeTarget)
            && temporary.StartsWith(target + ".tmp-", StringComparison.Ordinal)
            && temporary.IndexOfAny(['/', '\\'], target.Length) < 0;
    }

    private static string Home(string journal) => Path.GetDirectoryName(Path.GetFullPath(journal))!;

    /// <summary>Removes any temporary file left by a set that was not committed.</summary>
    public void Dispose()
    {
        if (_journaled)
        {
            return;
        }

        foreach (var (temporary, _) in _staged)
        {
            AtomicFile.TryDelete(temporary);
        }
    }
}
