using System.Security.Cryptography;
using System.Text;

namespace OrgSim.Experiments.Output;

/// <summary>
/// The one way OrgSim writes a file: into a temporary file beside the target, flushed to disk,
/// then renamed onto the target, so that no reader (a resume, a merge, a user's script) ever sees
/// a file half-written. <see cref="AtomicFileSet"/> builds on the same two steps for files that
/// must appear together.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="target"/> through <paramref name="write"/>, atomically; replaces an existing file.</summary>
    public static void Write(string target, Action<TextWriter> write) => MoveIntoPlace(WriteTemporary(target, write), target);

    /// <summary>
    /// Writes <paramref name="target"/> as bytes through <paramref name="write"/>, atomically; replaces an
    /// existing file. For a format that needs the bytes themselves, such as a run record's checksum.
    /// </summary>
    public static void WriteBytes(string target, Action<Stream> write) => MoveIntoPlace(WriteTemporaryBytes(target, write), target);

    /// <summary>Writes <paramref name="text"/> to <paramref name="target"/>, atomically.</summary>
    public static void WriteText(string target, string text) => Write(target, w => w.Write(text));

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/>, atomically.</summary>
    public static void Copy(string source, string target) => MoveIntoPlace(CopyTemporary(source, target), target);

    /// <summary>
    /// Writes a complete temporary file for <paramref name="target"/> and returns its path. The name
    /// carries the host name and a random token, so two writers never share one, even in two
    /// containers that both run as process 1 on a shared volume.
    /// </summary>
    internal static string WriteTemporary(string target, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return WriteTemporaries([target], writers => write(writers[0]))[0];
    }

    /// <summary>
    /// As <see cref="WriteTemporary"/> for several targets written together through one callback, one
    /// writer each in the order of <paramref name="targets"/>: for files filled in one pass over their
    /// source. If anything fails, none is left.
    /// </summary>
    internal static IReadOnlyList<string> WriteTemporaries(IReadOnlyList<string> targets, Action<IReadOnlyList<TextWriter>> write)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(write);
        var temporaries = new List<string>();
        var writers = new List<StreamWriter>();
        try
        {
            foreach (string target in targets)
            {
                string temporary = TemporaryName(target);
                var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                temporaries.Add(temporary);
                writers.Add(new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" });
            }

            write(writers);
            foreach (StreamWriter writer in writers)
            {
                writer.Flush();
                ((FileStream)writer.BaseStream).Flush(flushToDisk: true);
            }
        }
        catch
        {
            Close(writers);
            temporaries.ForEach(TryDelete);
            throw;
        }

        Close(writers);
        return temporaries;
    }

    /// <summary>As <see cref="WriteTemporary"/>, the content written as bytes.</summary>
    internal static string WriteTemporaryBytes(string target, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string temporary = TemporaryName(target);
        try
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            write(stream);
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        return temporary;
    }

    /// <summary>A temporary copy of <paramref name="source"/> beside <paramref name="target"/>, flushed to disk.</summary>
    private static string CopyTemporary(string source, string target)
    {
        string temporary = TemporaryName(target);
        try
        {
            File.Copy(source, temporary, overwrite: false);
            using var stream = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        return temporary;
    }

    private static void MoveIntoPlace(string temporary, string target)
    {
        try
        {
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Closes every writer; one that cannot flush what it still holds (a full disk) must not keep the others open.</summary>
    private static void Close(List<StreamWriter> writers)
    {
        foreach (StreamWriter writer in writers)
        {
            try
            {
                writer.Dispose();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The error that matters is the one being thrown, or already flushed away.
            }
        }
    }

    /// <summary>Removes <paramref name="path"/> if it can; a leftover temporary file must never hide the error that left it.</summary>
    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort.
        }
    }

    private static string TemporaryName(string target) =>
        $"{target}.tmp-{Sanitised(Environment.MachineName)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";

    private static string Sanitised(string host) => new(host.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(32).ToArray());
}
