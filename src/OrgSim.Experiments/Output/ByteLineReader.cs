using System.Buffers;

namespace OrgSim.Experiments.Output;

/// <summary>
/// The lines of a stream, split at <c>\n</c> on the bytes themselves, so that a line that is only
/// looked at (is it a section's start?) is never decoded into a string. UTF-8 never has a <c>\n</c>
/// byte inside a character, so the split is the same as on the decoded text.
/// </summary>
/// <remarks>
/// Checking a record this way costs about what hashing it costs; decoding every line, as a
/// <see cref="StreamReader"/> does, cost several times more (<c>RunRecordBenchmarks</c>).
/// </remarks>
internal sealed class ByteLineReader(Stream stream) : IDisposable
{
    // Pooled: a record is read several times per run (checked on resume, read for the tables and the summaries).
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start, _end;
    private bool _ended;

    /// <summary>Gives the buffer back to the pool; no span read from it may be used after.</summary>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>
    /// The next line, without its <c>\n</c>; false at the end of the stream. A last line without a
    /// line end is a line too. The span is valid until the next call.
    /// </summary>
    public bool TryRead(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int end = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (end >= 0)
            {
                line = _buffer.AsSpan(_start, end);
                _start += end + 1;
                return true;
            }

            if (_ended)
            {
                line = _buffer.AsSpan(_start, _end - _start);
                bool any = _end > _start;
                _start = _end;
                return any;
            }

            Fill();
        }
    }

    /// <summary>Reads more of the stream after what is left of the buffer, growing it for a line longer than the buffer.</summary>
    private void Fill()
    {
        int left = _end - _start;
        if (left == _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.CopyTo(larger, 0);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, left);
        }

        (_start, _end) = (0, left);
        int read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _ended = read == 0;
    }
}
