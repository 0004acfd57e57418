using System.Text;

namespace OrgSim.Experiments.Output;

/// <summary>
/// Writes a set of files so that none is ever seen half-written: each is written to a
/// temporary file beside its target, and only when every one is complete are they renamed
/// into place. If anything fails, the temporary files are removed and targets are untouched.
/// </summary>
public sealed class AtomicFileSet : IDisposable
{
    private readonly List<(string Temporary, string Target)> _staged = [];
    private bool _committed;

    /// <summary>Writes <paramref name="target"/>'s future content through <paramref name="write"/> into a temporary file.</summary>
    public void Stage(string target, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string temporary = $"{target}.tmp-{Environment.ProcessId}";
        _staged.Add((temporary, target));
        using var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        write(writer);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Renames every staged file onto its target.</summary>
    public void Commit()
    {
        foreach (var (temporary, target) in _staged)
        {
            File.Move(temporary, target, overwrite: true);
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
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // Best effort: the original error matters more than a leftover temporary file.
            }
        }
    }
}
