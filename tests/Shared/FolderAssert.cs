namespace OrgSim.Tests.Shared;

/// <summary>Compares two output folders file by file: every file, not only the tables.</summary>
internal static class FolderAssert
{
    /// <summary>Both folders hold the same files (by relative path) with the same bytes; <paramref name="ignore"/> names files whose content may differ.</summary>
    public static void SameFiles(string expected, string actual, params string[] ignore)
    {
        string[] Files(string root) => Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        string[] expectedFiles = Files(expected), actualFiles = Files(actual);
        Assert.Equal(expectedFiles, actualFiles);
        foreach (string file in expectedFiles.Where(f => !ignore.Contains(f)))
        {
            byte[] a = File.ReadAllBytes(Path.Combine(expected, file)), b = File.ReadAllBytes(Path.Combine(actual, file));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file} differs between {expected} and {actual}");
        }
    }
}
