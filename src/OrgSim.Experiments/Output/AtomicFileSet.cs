namespace OrgSim.Experiments.Output;

/// <summary>
/// Writes a set of files so that none is ever seen half-written: each is written to a
/// temporary file beside its target (<see cref="AtomicFile"/>), and only when every one is
/// complete are they renamed into place. If anything fails, the temporary files are removed and
/// targets are untouched.
/// </summary>
/// <param name="overwrite">Whether committing may replace existing files.</param>
public sealed class AtomicFileSet(bool overwrite = true) : IDisposable
{
    private readonly List<(string Temporary, string Target)> _staged = [];
    private bool _committed;

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
    public void Commit()
    {
        if (!overwrite && _staged.FirstOrDefault(s => File.Exists(s.Target)) is { Target: { } taken })
        {
            throw new IOException($"{taken} appeared while the run was going; nothing was replaced");
        }

        foreach (var (temporary, target) in _staged)
        {
            File.Move(temporary, target, overwrite);
        }

        _committed = true;
    }

    /// <summary>Removes any temporary file left by a set that was not committed.</summary>
    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        foreach (var (temporary, _) in _staged)
        {
            AtomicFile.TryDelete(temporary);
        }
    }
}
