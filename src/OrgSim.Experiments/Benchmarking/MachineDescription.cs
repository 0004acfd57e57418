using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using OrgSim.Core.Engine;

namespace OrgSim.Experiments.Benchmarking;

/// <summary>The machine a benchmark ran on, as far as the process can tell: what a reader needs to compare two results.</summary>
/// <param name="Cores">Logical processors the process may use (<see cref="Environment.ProcessorCount"/>).</param>
/// <param name="Cpu">The processor's model name from <c>/proc/cpuinfo</c>, or "unknown" off Linux.</param>
/// <param name="L1dBytes">The first core's level-1 data cache, or null when unknown (read on Linux only).</param>
/// <param name="L2Bytes">The first core's level-2 cache, or null when unknown.</param>
/// <param name="L3Bytes">The first core's level-3 cache (usually shared by all cores), or null when unknown.</param>
/// <param name="MemoryBytes">Bytes of memory the runtime may use (the machine's, or a container's limit).</param>
/// <param name="Os">The operating system.</param>
/// <param name="Runtime">The .NET runtime, e.g. ".NET 10.0.12".</param>
/// <param name="Architecture">The process architecture, e.g. "X64".</param>
/// <param name="VectorBits">The widest vector the hardware accelerates, in bits: 512 with AVX-512, 256 with AVX2, 128 with SSE or Arm AdvSimd, 0 without.</param>
/// <param name="Gc">"workstation" or "server", and whether concurrent.</param>
/// <param name="ReleaseBuild">Whether the engine was compiled with optimisations; numbers from a Debug build mean nothing.</param>
public sealed record MachineDescription(
    int Cores,
    string Cpu,
    long? L1dBytes,
    long? L2Bytes,
    long? L3Bytes,
    long MemoryBytes,
    string Os,
    string Runtime,
    string Architecture,
    int VectorBits,
    string Gc,
    bool ReleaseBuild)
{
    /// <summary>This machine and process; Linux facts are read under <paramref name="root"/> ("/" for the real ones).</summary>
    public static MachineDescription Current(string root = "/")
    {
        var caches = ReadCaches(Path.Combine(root, "sys", "devices", "system", "cpu", "cpu0", "cache"));
        return new MachineDescription(
            Environment.ProcessorCount,
            ReadCpuModel(Path.Combine(root, "proc", "cpuinfo")),
            caches.TryGetValue("L1d", out long l1d) ? l1d : null,
            caches.TryGetValue("L2", out long l2) ? l2 : null,
            caches.TryGetValue("L3", out long l3) ? l3 : null,
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.ProcessArchitecture.ToString(),
            Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0,
            (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? string.Empty : ", concurrent"),
            IsOptimised(typeof(Simulation).Assembly) && IsOptimised(typeof(MachineDescription).Assembly));
    }

    /// <summary>Bytes from a sysfs cache size such as "48K", "2048K" or "32M"; null when unreadable.</summary>
    public static long? ParseCacheSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        long unit = t.EndsWith('K') ? 1024 : t.EndsWith('M') ? 1024 * 1024 : t.EndsWith('G') ? 1024L * 1024 * 1024 : 1;
        string digits = unit == 1 ? t : t[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value * unit : null;
    }

    /// <summary>Whether <paramref name="assembly"/> was compiled with the JIT optimiser on (a Release build).</summary>
    private static bool IsOptimised(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    private static string ReadCpuModel(string cpuinfo)
    {
        try
        {
            string? line = File.Exists(cpuinfo) ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
            int colon = line?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            return colon < 0 ? "unknown" : line![(colon + 1)..].Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    /// <summary>"L1d", "L2", "L3" (instruction caches left out) to bytes, from the sysfs folders index0, index1, ….</summary>
    private static Dictionary<string, long> ReadCaches(string folder)
    {
        var caches = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            if (!Directory.Exists(folder))
            {
                return caches;
            }

            foreach (string index in Directory.GetDirectories(folder, "index*").Order(StringComparer.Ordinal))
            {
                string level = ReadLine(Path.Combine(index, "level")), type = ReadLine(Path.Combine(index, "type"));
                string name = type switch
                {
                    "Data" => $"L{level}d",
                    "Unified" when level == "1" => "L1d",
                    "Unified" => $"L{level}",
                    _ => string.Empty,
                };
                if (name.Length > 0 && ParseCacheSize(ReadLine(Path.Combine(index, "size"))) is { } bytes)
                {
                    caches.TryAdd(name, bytes);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A machine that hides its caches: they stay unknown.
        }

        return caches;
    }

    private static string ReadLine(string file) => File.Exists(file) ? File.ReadAllText(file).Trim() : string.Empty;
}
