using System.Text;
using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Tests.Output;

public class ByteLineReaderTests
{
    [Theory]
    [InlineData(20_000, 5)] // 200 KB of short lines: the buffer is refilled several times, lines cross its end.
    [InlineData(3, 200_000)] // Lines longer than the buffer: it grows.
    [InlineData(1, 0)] // One short line.
    public void TryRead_GivesTheLinesAStringReaderGives(int count, int length)
    {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append(new string((char)('a' + (i % 26)), length + (i % 7))).Append("é,").Append(i).Append('\n');
        }

        text.Append("last line without a line end");
        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        var expected = new List<string>();
        using (var reader = new StringReader(text.ToString()))
        {
            for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                expected.Add(line);
            }
        }

        var actual = new List<string>();
        using (var lines = new ByteLineReader(new MemoryStream(bytes)))
        {
            while (lines.TryRead(out ReadOnlySpan<byte> line))
            {
                actual.Add(Encoding.UTF8.GetString(line));
            }
        }

        Assert.Equal(expected, actual);
    }
}
