using System.Security.Cryptography;

namespace OrgSim.Experiments.Output;

/// <summary>
/// Passes bytes through to another stream and hashes them with SHA-256 on the way: what a run
/// record's checksum is computed over as it is written, and checked against as it is read, in
/// the same single pass over the file. Reading stops after a given number of bytes, so the
/// checksum line at the end of a record is left for the caller to read.
/// </summary>
/// <remarks>
/// SHA-256 from the base library rather than a faster non-cryptographic hash: System.IO.Hashing is
/// not referenced, and at the size of a record (tens of kilobytes) the hash costs microseconds next
/// to the milliseconds of the run (<c>RunRecordBenchmarks</c>).
/// </remarks>
internal sealed class ChecksumStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly bool _reading;
    private long _readable;

    private ChecksumStream(Stream inner, bool reading, long readable)
    {
        _inner = inner;
        _reading = reading;
        _readable = readable;
    }

    /// <inheritdoc/>
    public override bool CanRead => _reading;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => !_reading;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>A stream that hashes what is written through it to <paramref name="inner"/>.</summary>
    public static ChecksumStream Writing(Stream inner) => new(inner, reading: false, 0);

    /// <summary>A stream that reads and hashes the next <paramref name="length"/> bytes of <paramref name="inner"/>, and no more.</summary>
    public static ChecksumStream Reading(Stream inner, long length) => new(inner, reading: true, length);

    /// <summary>The SHA-256 of every byte that has passed so far.</summary>
    public byte[] Hash() => _hash.GetCurrentHash();

    /// <summary>Reads and hashes what is left of the bytes this stream may read, without keeping them.</summary>
    public void Drain()
    {
        Span<byte> buffer = stackalloc byte[4096];
        while (Read(buffer) > 0)
        {
        }
    }

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (!_reading)
        {
            throw new NotSupportedException();
        }

        int read = _inner.Read(buffer[..(int)Math.Min(buffer.Length, _readable)]);
        _hash.AppendData(buffer[..read]);
        _readable -= read;
        return read;
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_reading)
        {
            throw new NotSupportedException();
        }

        _hash.AppendData(buffer);
        _inner.Write(buffer);
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Flush() => _inner.Flush();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose(); // The inner stream belongs to the caller.
        }

        base.Dispose(disposing);
    }
}
