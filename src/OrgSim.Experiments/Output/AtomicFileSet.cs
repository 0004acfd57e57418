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

    private readonly List<(string Temporary, string Target)> _staged = [];
    private bool _journaled;

    /// <summary>The targets staged so far.</summary>
    public IEnumerable<string> Targets => _staged.Select(s => s.Target);

    /// <summary>Writes <paramref name="target"/>'s future content through <paramref name="write"/> into a temporary file.</summary>
    public void Stage(string target, Action<TextWriter> write) => _staged.Add((AtomicFile.WriteTemporary(target, write), target));

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
    public static int Recover(string journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (!File.Exists(journal))
        {
            return 0;
        }

        string[] lines = File.ReadAllLines(journal);
        string home = Home(journal);
        int moved = 0;
        if (lines.Length > 0 && lines[0] == JournalHeader)
        {
            foreach (string line in lines.Skip(1))
            {
                // Renames already made have no temporary file any more; the rest are made now, in order.
                string[] parts = line.Split('\t');
                if (parts.Length == 2 && File.Exists(Path.Combine(home, parts[0])))
                {
                    File.Move(Path.Combine(home, parts[0]), Path.Combine(home, parts[1]), overwrite: true);
                    moved++;
                }
            }
        }

        File.Delete(journal); // A journal that cannot be read was never complete: AtomicFile wrote it, so it is whole or absent.
        return moved;
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
