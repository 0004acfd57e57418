using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace OrgSim.Benchmarks;

/// <summary>
/// The job every benchmark of the suite uses: one launch, two warm-up and eight measured
/// iterations, so that the whole suite finishes in minutes on a two-core machine.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SuiteJobAttribute : Attribute, IConfigSource
{
    /// <summary>Launches of the benchmark process per case.</summary>
    public const int Launches = 1;

    /// <summary>Warm-up iterations per case.</summary>
    public const int Warmups = 2;

    /// <summary>Measured iterations per case.</summary>
    public const int Iterations = 8;

    /// <summary>
    /// How long BenchmarkDotNet may take to build a benchmark's process: BenchmarkDotNet's default
    /// of two minutes ran out on a loaded two-core machine.
    /// </summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Creates the configuration.</summary>
    public SuiteJobAttribute()
    {
        Config = ManualConfig.CreateEmpty().AddJob(
            Job.Default
                .WithLaunchCount(Launches)
                .WithWarmupCount(Warmups)
                .WithIterationCount(Iterations)
                .WithId("Suite"))
            .WithBuildTimeout(BuildTimeout);
    }

    /// <inheritdoc />
    public IConfig Config { get; }
}
