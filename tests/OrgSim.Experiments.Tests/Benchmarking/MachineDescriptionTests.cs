using OrgSim.Experiments.Benchmarking;

namespace OrgSim.Experiments.Tests.Benchmarking;

public class MachineDescriptionTests
{
    [Theory]
    [InlineData("48K", 49_152L)]
    [InlineData("2048K\n", 2_097_152L)]
    [InlineData("32M", 33_554_432L)]
    [InlineData("512", 512L)]
    [InlineData("", null)]
    [InlineData("big", null)]
    [InlineData("-4K", null)]
    public void ParseCacheSize_ReadsSysfsSizes(string text, long? bytes)
    {
        Assert.Equal(bytes, MachineDescription.ParseCacheSize(text));
    }

    [Fact]
    public void Current_ReadsTheCpuModelAndTheDataAndUnifiedCaches_LeavingOutTheInstructionCache()
    {
        string root = OrgSim.Tests.Shared.TemporaryDirectories.Create();
        string cache = Path.Combine(root, "sys", "devices", "system", "cpu", "cpu0", "cache");
        WriteCache(cache, "index0", "1", "Data", "48K");
        WriteCache(cache, "index1", "1", "Instruction", "32K");
        WriteCache(cache, "index2", "2", "Unified", "2048K");
        WriteCache(cache, "index3", "3", "Unified", "266240K");
        Directory.CreateDirectory(Path.Combine(root, "proc"));
        File.WriteAllText(Path.Combine(root, "proc", "cpuinfo"), "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Processor\nflags\t\t: fpu\n");

        MachineDescription machine = MachineDescription.Current(root);

        Assert.Equal("Intel(R) Xeon(R) Processor", machine.Cpu);
        Assert.Equal((49_152L, 2_097_152L, 272_629_760L), (machine.L1dBytes, machine.L2Bytes, machine.L3Bytes));
        Assert.Equal(Environment.ProcessorCount, machine.Cores);
    }

    [Fact]
    public void Current_WithoutLinuxFiles_SaysUnknown()
    {
        MachineDescription machine = MachineDescription.Current(OrgSim.Tests.Shared.TemporaryDirectories.Create());

        Assert.Equal("unknown", machine.Cpu);
        Assert.Equal((null, null, null), (machine.L1dBytes, machine.L2Bytes, machine.L3Bytes));
    }

    private static void WriteCache(string cache, string index, string level, string type, string size)
    {
        string folder = Path.Combine(cache, index);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "level"), level + "\n");
        File.WriteAllText(Path.Combine(folder, "type"), type + "\n");
        File.WriteAllText(Path.Combine(folder, "size"), size + "\n");
    }
}
