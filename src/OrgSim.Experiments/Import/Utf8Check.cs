using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace OrgSim.Experiments.Import;

/// <summary>
/// Finds the first bytes that are not UTF-8, where a text editor or a spreadsheet would show them,
/// so that a file saved in another encoding (Windows-1252, as Excel's plain "CSV" writes) is
/// refused at its line instead of read with its letters replaced by '�'.
/// </summary>
internal static class Utf8Check
{
    /// <summary>The most characters of the line before the bad byte that <see cref="Invalid.Before"/> keeps.</summary>
    private const int Kept = 40;

    /// <summary>The first invalid byte: its 1-based line and column (in characters), the byte, and the text before it on its line.</summary>
    public readonly record struct Invalid(long Line, long Column, byte Byte, string Before)
    {
        /// <summary>The byte and what comes before it, for a message: <c>byte 0xE9 after "Caf"</c>.</summary>
        public string Describe() => "byte 0x" + Byte.ToString("X2", CultureInfo.InvariantCulture) + (Before.Length == 0 ? " at the start of the line" : $" after \"{Before}\"");
    }

    /// <summary>The first invalid byte in <paramref name="bytes"/>, or null if they are all UTF-8.</summary>
    public static Invalid? Find(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        var line = new Line();
        char[] chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            Utf8.ToUtf16(bytes, chars, out int consumed, out int written, replaceInvalidSequences: false);
            line.Advance(chars.AsSpan(0, written));
            return line.At(bytes[consumed]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The first invalid byte from <paramref name="stream"/>'s position to its end, or null; read in blocks, so a file of any size takes little memory.</summary>
    public static Invalid? Find(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        const int Block = 1 << 16;
        byte[] bytes = ArrayPool<byte>.Shared.Rent(Block);
        char[] chars = ArrayPool<char>.Shared.Rent(Block);
        try
        {
            var line = new Line();
            int kept = 0;
            while (true)
            {
                int read = stream.Read(bytes, kept, Block - kept);
                int length = kept + read;

                // Each byte makes at most one char, so the chars always fit; a character cut at the
                // end of the block is kept for the next one, not taken for a mistake.
                var status = Utf8.ToUtf16(bytes.AsSpan(0, length), chars.AsSpan(0, Block), out int consumed, out int written, replaceInvalidSequences: false, isFinalBlock: read == 0);
                line.Advance(chars.AsSpan(0, written));
                if (status == OperationStatus.InvalidData)
                {
                    return line.At(bytes[consumed]);
                }

                if (read == 0)
                {
                    return null;
                }

                kept = length - consumed;
                Array.Copy(bytes, consumed, bytes, 0, kept);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The line being read: its number, how many characters it has so far, and its last few.</summary>
    private sealed class Line
    {
        private long _number = 1, _length;
        private string _tail = string.Empty;

        public void Advance(ReadOnlySpan<char> text)
        {
            int newline = text.LastIndexOf('\n');
            if (newline >= 0)
            {
                _number += text.Count('\n');
                _length = 0;
                _tail = string.Empty;
                text = text[(newline + 1)..];
            }

            _length += text.Length;
            string tail = _tail + new string(text[Math.Max(0, text.Length - Kept)..]);
            _tail = tail[Math.Max(0, tail.Length - Kept)..];
        }

        public Invalid At(byte bad)
        {
            // Control characters (a terminal escape, a carriage return) are shown as '?', never printed as they are.
            var before = new StringBuilder(_tail.Length);
            foreach (char c in _tail)
            {
                before.Append(char.IsControl(c) ? '?' : c);
            }

            return new Invalid(_number, _length + 1, bad, before.ToString());
        }
    }
}
