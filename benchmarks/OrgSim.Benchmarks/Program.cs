using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace OrgSim.Benchmarks;

/// <summary>Entry point: hands the command line to BenchmarkDotNet (see benchmarks/README.md).</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected by <paramref name="args"/>, e.g. <c>--filter '*'</c>.</summary>
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(SuiteJobAttribute.BuildTimeout));
}
