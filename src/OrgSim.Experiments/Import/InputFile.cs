using System.Globalization;
using System.Runtime.InteropServices;

namespace OrgSim.Experiments.Import;

/// <summary>
/// Whether a path given as input (a scenario, an HR export, an edge list) names a regular file no
/// larger than a limit, found without opening it: reading a device such as /dev/zero never ends,
/// and opening a named pipe waits for a writer that may never come.
/// </summary>
/// <remarks>
/// .NET reports devices, pipes and sockets as ordinary files (dotnet/runtime#13946), so on Linux
/// the kind comes from <c>statx</c>, which follows links and has the same layout on every
/// architecture. Elsewhere on Unix an empty "file" is refused unread, which is what a device or a
/// pipe looks like there; on Windows such paths are not files at all.
/// </remarks>
internal static class InputFile
{
    /// <summary>What stops a path from being read.</summary>
    public enum Trouble
    {
        /// <summary>A regular file within the limit: read it.</summary>
        None,

        /// <summary>Nothing is there.</summary>
        Missing,

        /// <summary>A folder.</summary>
        Folder,

        /// <summary>A device, a named pipe, a socket: not a file to read.</summary>
        NotAFile,

        /// <summary>A regular file above the limit.</summary>
        TooLarge,
    }

    /// <summary>
    /// The trouble with reading <paramref name="path"/> as a file of at most <paramref name="maxBytes"/>
    /// bytes, and its words, which follow the path: "is a folder", "is a named pipe (FIFO), not a
    /// regular file", "is 1.5 GiB (1,610,612,736 bytes)".
    /// </summary>
    public static (Trouble Trouble, string Words) Check(string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return (Trouble.Folder, "is a folder");
        }

        if (!File.Exists(path))
        {
            return (Trouble.Missing, "does not exist");
        }

        long length;
        if (OperatingSystem.IsLinux() && Status(path) is { } status)
        {
            if (status.Kind != RegularFile)
            {
                return (Trouble.NotAFile, $"is {KindName(status.Kind)}, not a regular file");
            }

            length = status.Length;
        }
        else
        {
            var info = new FileInfo(path);
            length = (info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info).Length;
            if (length == 0 && !OperatingSystem.IsWindows())
            {
                return (Trouble.NotAFile, "is empty, or not a regular file");
            }
        }

        return length > maxBytes ? (Trouble.TooLarge, "is " + Size(length)) : (Trouble.None, string.Empty);
    }

    /// <summary>A size as the limits are given: <c>1.0 MiB (1,048,577 bytes)</c>.</summary>
    public static string Size(long bytes)
    {
        string exact = bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
        return bytes switch
        {
            >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("F1", CultureInfo.InvariantCulture) + $" GiB ({exact})",
            >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("F1", CultureInfo.InvariantCulture) + $" MiB ({exact})",
            _ => exact,
        };
    }

    /// <summary>A limit in words: <c>1 MiB</c>, <c>64 MiB</c>, <c>1 GiB</c>.</summary>
    public static string Limit(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => (bytes >> 30).ToString(CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => (bytes >> 20).ToString(CultureInfo.InvariantCulture) + " MiB",
        _ => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes",
    };

    private const int FileType = 0xF000, RegularFile = 0x8000;

    private static string KindName(int kind) => kind switch
    {
        0x1000 => "a named pipe (FIFO)",
        0x2000 => "a character device",
        0x4000 => "a folder",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => "not a file",
    };

    /// <summary>The file type bits and size of what <paramref name="path"/> names, following links; null if statx cannot tell.</summary>
    private static (int Kind, long Length)? Status(string path)
    {
        // struct statx: stx_mode is a u16 at byte 28 and stx_size a u64 at byte 40, on every architecture.
        var buffer = new byte[256];
        try
        {
            byte[] name = [.. System.Text.Encoding.UTF8.GetBytes(path), 0];
            if (NativeMethods.StatX(AtCurrentDirectory, name, 0, StatXType | StatXSize, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without statx (glibc before 2.28, older musl): fall back as on other Unixes.
            return null;
        }

        return (MemoryMarshal.Read<ushort>(buffer.AsSpan(28)) & FileType, (long)MemoryMarshal.Read<ulong>(buffer.AsSpan(40)));
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatXType = 0x1, StatXSize = 0x200;

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int StatX(int directory, byte[] path, int flags, uint mask, [Out] byte[] buffer);
    }
}
