using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using OrgSim.Core.Engine;

namespace OrgSim.Core.Tests.Architecture;

/// <summary>Core stays pure: no files, no console, no clock, no shared random generator.</summary>
public class PurityTests
{
    private static readonly string[] ForbiddenTypes =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.StreamWriter", "System.IO.StreamReader",
        "System.IO.Path", "System.Console", "System.Random", "System.DateTime", "System.DateTimeOffset",
        "System.Diagnostics.Stopwatch", "System.Environment",
    ];

    [Fact]
    public void Core_ReferencesNoIoConsoleClockOrSharedRandomType()
    {
        string path = typeof(Simulation).Assembly.Location;
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        var referenced = metadata.TypeReferences
            .Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .ToHashSet();

        Assert.Empty(referenced.Intersect(ForbiddenTypes));
        Assert.Contains("System.Threading.Thread", referenced); // Proves the scan sees real references.
    }

    [Fact]
    public void Core_DependsOnNoOtherOrgSimAssembly()
    {
        AssemblyName[] references = typeof(Simulation).Assembly.GetReferencedAssemblies();
        Assert.DoesNotContain(references, r => r.Name!.StartsWith("OrgSim", StringComparison.Ordinal));
    }
}
