using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace OrgSim.Cli.Tests;

/// <summary>
/// The command line stays thin: options in, one call into OrgSim.Experiments, print, exit code. It
/// never reaches into the model (OrgSim.Core) and never touches files itself — the results folder,
/// the scenario loader and the jobs do. Read from the compiled assembly's references, so no source
/// spelling (a using alias, a fully qualified name) slips past.
/// </summary>
public class ArchitectureTests
{
    [Fact]
    public void Cli_UsesNoCoreTypeAndNoFileOrDirectory()
    {
        IReadOnlyList<string> referenced = ReferencedTypes(typeof(OrgSimCli).Assembly.Location);
        Assert.Contains("OrgSim.Experiments.Jobs.RunJob", referenced); // The check sees the references.
        Assert.DoesNotContain(referenced, t => t.StartsWith("OrgSim.Core.", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, t => t is "System.IO.File" or "System.IO.Directory" or "System.IO.FileInfo" or "System.IO.DirectoryInfo" or "System.IO.FileStream");
    }

    [Fact]
    public void Commands_AreShort()
    {
        string folder = Path.Combine(CliHarness.RepoRoot, "src", "OrgSim.Cli", "Commands");
        foreach (string file in Directory.GetFiles(folder, "*Command.cs"))
        {
            int lines = File.ReadAllLines(file).Length;
            Assert.True(lines <= 80, $"{Path.GetFileName(file)} has {lines} lines; a command maps options to one job call and prints");
        }
    }

    private static List<string> ReferencedTypes(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.TypeReferences
            .Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .ToList();
    }
}
