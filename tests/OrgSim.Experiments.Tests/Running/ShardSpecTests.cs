using System.Globalization;
using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Tests.Running;

public class ShardSpecTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("3/3", 3, 3)]
    [InlineData("10/10", 10, 10)]
    [InlineData(" 2/3 ", 2, 3)]
    [InlineData("2 / 3", 2, 3)]
    public void Resolve_ParsesTheShardOption(string option, int index, int count)
    {
        var (shard, error, source) = ShardSpec.Resolve(option, null, NoEnvironment);
        Assert.Null(error);
        Assert.Equal(new ShardSpec(index, count), shard);
        Assert.Equal("--shard", source);
    }

    [Theory]
    [InlineData("0/3", "orgsim: --shard is '0/3'; I must be from 1 to N, e.g. --shard 2/3")]
    [InlineData("4/3", "orgsim: --shard is '4/3'; I must be from 1 to N, e.g. --shard 2/3")]
    [InlineData("-1/3", "orgsim: --shard is '-1/3'; I must be from 1 to N, e.g. --shard 2/3")]
    [InlineData("1/0", "orgsim: --shard is '1/0'; N must be at least 1, e.g. --shard 2/3")]
    [InlineData("2/-3", "orgsim: --shard is '2/-3'; N must be at least 1, e.g. --shard 2/3")]
    [InlineData("a/b", "orgsim: --shard is 'a/b'; give it as I/N, shard I of N with whole numbers, e.g. --shard 2/3")]
    [InlineData("3", "orgsim: --shard is '3'; give it as I/N, shard I of N with whole numbers, e.g. --shard 2/3")]
    [InlineData("1/2/3", "orgsim: --shard is '1/2/3'; give it as I/N, shard I of N with whole numbers, e.g. --shard 2/3")]
    [InlineData("1.5/3", "orgsim: --shard is '1.5/3'; give it as I/N, shard I of N with whole numbers, e.g. --shard 2/3")]
    [InlineData("", "orgsim: --shard is ''; give it as I/N, shard I of N with whole numbers, e.g. --shard 2/3")]
    [InlineData("  ", "orgsim: --shard is '  '; give it as I/N, shard I of N with whole numbers, e.g. --shard 2/3")]
    [InlineData("/3", "orgsim: --shard is '/3'; give it as I/N, shard I of N with whole numbers, e.g. --shard 2/3")]
    [InlineData("99999999999999999999/3", "orgsim: --shard is '99999999999999999999/3'; give it as I/N, shard I of N with whole numbers, e.g. --shard 2/3")]
    public void Resolve_RejectsABadShardOptionOnOneLine(string option, string expected)
    {
        var (shard, error, source) = ShardSpec.Resolve(option, null, NoEnvironment);
        Assert.Null(shard);
        Assert.Equal(expected, "orgsim: " + error);
        Assert.DoesNotContain('\n', error!);
        Assert.Equal("--shard", source);
    }

    [Fact]
    public void Resolve_WithoutOptionOrSchedulerRunsEverything()
    {
        var (shard, error, source) = ShardSpec.Resolve(null, null, NoEnvironment);
        Assert.Null(error);
        Assert.Equal(ShardSpec.All, shard);
        Assert.Equal("none", source);
        Assert.Equal("1/1", ShardSpec.All.ToString());
    }

    [Theory]
    [InlineData("0", "3", null, 1)]
    [InlineData("1", "3", null, 2)]
    [InlineData("2", "3", null, 3)]
    [InlineData("0", "3", "0", 1)]
    [InlineData("2", "3", "0", 3)]
    [InlineData("1", "3", "1", 1)]
    [InlineData("2", "3", "1", 2)]
    [InlineData("3", "3", "1", 3)]
    public void Resolve_MapsSlurmArraysFromZeroAndFromOneToShardsOneToN(string id, string count, string? min, int expected)
    {
        var environment = new Dictionary<string, string?> { ["SLURM_ARRAY_TASK_ID"] = id, ["SLURM_ARRAY_TASK_COUNT"] = count, ["SLURM_ARRAY_TASK_MIN"] = min };
        var (shard, error, source) = ShardSpec.Resolve(null, null, environment);
        Assert.Null(error);
        Assert.Equal(new ShardSpec(expected, 3), shard);
        Assert.Equal("Slurm job array", source);
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("10", 2)]
    [InlineData("20", 3)]
    [InlineData("30", 4)]
    public void Resolve_MapsASlurmArrayWithAStep(string id, int expected)
    {
        // sbatch --array=0-30:10
        var (shard, error, _) = ShardSpec.Resolve(null, null, Slurm(id, count: "4", min: "0", max: "30", step: "10"));
        Assert.Null(error);
        Assert.Equal(new ShardSpec(expected, 4), shard);
    }

    [Fact]
    public void Resolve_MapsASlurmArrayWithEveryVariableSet()
    {
        // sbatch --array=1-10: Slurm sets ID, COUNT, MIN, MAX and STEP
        var (shard, error, _) = ShardSpec.Resolve(null, null, Slurm("7", count: "10", min: "1", max: "10", step: "1"));
        Assert.Null(error);
        Assert.Equal(new ShardSpec(7, 10), shard);
    }

    [Theory]
    [InlineData("5", "3", null, null, null, "SLURM_ARRAY_TASK_ID is 5 but SLURM_ARRAY_TASK_COUNT is 3 (SLURM_ARRAY_TASK_MIN 0), so it would be shard 6 of 3; the array's tasks must be 0-2, e.g. sbatch --array=1-3")]
    [InlineData("2", null, null, null, null, "SLURM_ARRAY_TASK_ID is 2 but SLURM_ARRAY_TASK_COUNT is not set; Slurm sets both in a job array, so give the shard with --shard I/N")]
    [InlineData("x", "3", null, null, null, "SLURM_ARRAY_TASK_ID is 'x'; must be a whole number of at least 0")]
    [InlineData("1", "0", null, null, null, "SLURM_ARRAY_TASK_COUNT is 0; must be from 1 to 2147483647, so submit the array with sbatch --array=1-N or give --shard I/N")]
    [InlineData("1", "3", "2", null, null, "SLURM_ARRAY_TASK_ID is 1, which is not SLURM_ARRAY_TASK_MIN 2 plus a multiple of SLURM_ARRAY_TASK_STEP 1; submit the array as sbatch --array=1-3 or give --shard I/N")]
    [InlineData("15", "4", "0", "30", "10", "SLURM_ARRAY_TASK_ID is 15, which is not SLURM_ARRAY_TASK_MIN 0 plus a multiple of SLURM_ARRAY_TASK_STEP 10; submit the array as sbatch --array=1-4 or give --shard I/N")]
    [InlineData("2", "3", "1", "9", "1", "the Slurm job array is not one evenly spaced range (SLURM_ARRAY_TASK_MIN 1, SLURM_ARRAY_TASK_MAX 9, SLURM_ARRAY_TASK_STEP 1, SLURM_ARRAY_TASK_COUNT 3), so its tasks cannot be numbered 1 to 3; submit it as sbatch --array=1-3 or give --shard I/N")]
    [InlineData("1", "3", "1", "3", "0", "SLURM_ARRAY_TASK_STEP is 0; must be at least 1, so submit the array with sbatch --array=1-N or give --shard I/N")]
    public void Resolve_RejectsASlurmArrayItCannotNumber(string id, string? count, string? min, string? max, string? step, string expected)
    {
        var (shard, error, source) = ShardSpec.Resolve(null, null, Slurm(id, count, min, max, step));
        Assert.Null(shard);
        Assert.Equal(expected, error);
        Assert.Equal("Slurm job array", source);
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("4", 5)]
    [InlineData("9", 10)]
    public void Resolve_MapsAKubernetesCompletionIndexWithTheCountVariable(string index, int expected)
    {
        var environment = new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = index, ["ORGSIM_SHARD_COUNT"] = "10" };
        var (shard, error, source) = ShardSpec.Resolve(null, null, environment);
        Assert.Null(error);
        Assert.Equal(new ShardSpec(expected, 10), shard);
        Assert.Equal("Kubernetes indexed Job", source);
    }

    [Fact]
    public void Resolve_MapsAKubernetesCompletionIndexWithTheShardsOption()
    {
        var environment = new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = "2" };
        var (shard, error, source) = ShardSpec.Resolve(null, 4, environment);
        Assert.Null(error);
        Assert.Equal(new ShardSpec(3, 4), shard);
        Assert.Equal("Kubernetes indexed Job", source);
    }

    [Fact]
    public void Resolve_PrefersTheShardsOptionToTheCountVariable()
    {
        var environment = new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = "2", ["ORGSIM_SHARD_COUNT"] = "3" };
        Assert.Equal(new ShardSpec(3, 5), ShardSpec.Resolve(null, 5, environment).Shard);
    }

    [Theory]
    [InlineData(null, null, "JOB_COMPLETION_INDEX is 3 but the shard count is not given; set ORGSIM_SHARD_COUNT to the Job's spec.completions in the container's env, or pass --shards N")]
    [InlineData(null, "", "JOB_COMPLETION_INDEX is 3 but the shard count is not given; set ORGSIM_SHARD_COUNT to the Job's spec.completions in the container's env, or pass --shards N")]
    [InlineData(null, "ten", "ORGSIM_SHARD_COUNT is 'ten'; must be a whole number of at least 1, the Job's spec.completions, e.g. ORGSIM_SHARD_COUNT=10")]
    [InlineData(null, "0", "ORGSIM_SHARD_COUNT is '0'; must be a whole number of at least 1, the Job's spec.completions, e.g. ORGSIM_SHARD_COUNT=10")]
    [InlineData(null, "3", "JOB_COMPLETION_INDEX is 3 but ORGSIM_SHARD_COUNT is 3; the index must be below the count, so set ORGSIM_SHARD_COUNT to the Job's spec.completions")]
    [InlineData(2, null, "JOB_COMPLETION_INDEX is 3 but --shards is 2; the index must be below the count, so set --shards to the Job's spec.completions")]
    public void Resolve_RejectsAKubernetesJobWithoutAUsableCount(int? shards, string? count, string expected)
    {
        var environment = new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = "3", ["ORGSIM_SHARD_COUNT"] = count };
        var (shard, error, source) = ShardSpec.Resolve(null, shards, environment);
        Assert.Null(shard);
        Assert.Equal(expected, error);
        Assert.Equal("Kubernetes indexed Job", source);
    }

    [Fact]
    public void Resolve_RejectsANegativeCompletionIndex()
    {
        var environment = new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = "-1", ["ORGSIM_SHARD_COUNT"] = "3" };
        Assert.Equal("JOB_COMPLETION_INDEX is '-1'; must be a whole number of at least 0", ShardSpec.Resolve(null, null, environment).Error);
    }

    [Fact]
    public void Resolve_PrefersTheShardOptionToEveryScheduler()
    {
        var environment = new Dictionary<string, string?>
        {
            ["SLURM_ARRAY_TASK_ID"] = "0",
            ["SLURM_ARRAY_TASK_COUNT"] = "10",
            ["JOB_COMPLETION_INDEX"] = "0",
            ["ORGSIM_SHARD_COUNT"] = "10",
        };
        var (shard, error, source) = ShardSpec.Resolve("2/3", null, environment);
        Assert.Null(error);
        Assert.Equal(new ShardSpec(2, 3), shard);
        Assert.Equal("--shard", source);
    }

    [Fact]
    public void Resolve_PrefersSlurmToKubernetes()
    {
        var environment = new Dictionary<string, string?>
        {
            ["SLURM_ARRAY_TASK_ID"] = "1",
            ["SLURM_ARRAY_TASK_COUNT"] = "2",
            ["JOB_COMPLETION_INDEX"] = "0",
            ["ORGSIM_SHARD_COUNT"] = "10",
        };
        var (shard, _, source) = ShardSpec.Resolve(null, null, environment);
        Assert.Equal(new ShardSpec(2, 2), shard);
        Assert.Equal("Slurm job array", source);
    }

    [Fact]
    public void Resolve_TreatsBlankVariablesAsUnset()
    {
        var environment = new Dictionary<string, string?> { ["SLURM_ARRAY_TASK_ID"] = "", ["JOB_COMPLETION_INDEX"] = " " };
        Assert.Equal((ShardSpec.All, (string?)null, "none"), ShardSpec.Resolve(null, null, environment));
    }

    [Theory]
    [InlineData("2/3", 3, null)]
    [InlineData("2/3", 4, "--shards is 4 but --shard is '2/3' (N = 3); drop --shards, --shard already gives the count")]
    [InlineData(null, 0, "--shards is 0; must be at least 1, e.g. --shards 10")]
    [InlineData(null, 3, "--shards 3 needs the shard's index: give --shard I/3 instead, or run as a Kubernetes indexed Job (which sets JOB_COMPLETION_INDEX)")]
    public void Resolve_ChecksTheShardsOptionAgainstTheRest(string? option, int shards, string? expected)
    {
        Assert.Equal(expected, ShardSpec.Resolve(option, shards, NoEnvironment).Error);
    }

    [Fact]
    public void Resolve_WritesNumbersTheSameWayInEveryCulture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            // Swedish writes a minus sign (U+2212) where the invariant culture writes '-'.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
            Assert.Equal("--shards is -1; must be at least 1, e.g. --shards 10", ShardSpec.Resolve(null, -1, NoEnvironment).Error);
            Assert.Equal("12/34", new ShardSpec(12, 34).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Resolve_RejectsShardsThatDisagreeWithTheSlurmArray()
    {
        var (shard, error, _) = ShardSpec.Resolve(null, 4, Slurm("1", count: "3", min: "1", max: "3", step: "1"));
        Assert.Null(shard);
        Assert.Equal("--shards is 4 but the Slurm job array has SLURM_ARRAY_TASK_COUNT 3; drop --shards, the array gives the count", error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(1000)]
    [InlineData(1500)]
    public void Owns_PartitionsRunsExactlyOnceAcrossTheShards(int count)
    {
        var owners = new int[1000];
        for (int index = 1; index <= count; index++)
        {
            var shard = new ShardSpec(index, count);
            for (long run = 0; run < owners.Length; run++)
            {
                if (shard.Owns(run))
                {
                    owners[run]++;
                }
            }
        }

        Assert.All(owners, n => Assert.Equal(1, n));
    }

    [Fact]
    public void Owns_DealsRunsRoundRobinSoShardsGetEqualWork()
    {
        var shard = new ShardSpec(2, 3);
        Assert.Equal([1L, 4, 7, 10], Enumerable.Range(0, 12).Select(k => (long)k).Where(shard.Owns));
        Assert.Equal(334, Enumerable.Range(0, 1000).Count(k => new ShardSpec(1, 3).Owns(k)));
        Assert.Equal(333, Enumerable.Range(0, 1000).Count(k => new ShardSpec(3, 3).Owns(k)));
        Assert.True(new ShardSpec(1, 2).Owns(long.MaxValue - 1));
    }

    [Fact]
    public void Owns_RejectsANegativeIndex() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardSpec(1, 2).Owns(-1));

    [Theory]
    [InlineData(0, 3)]
    [InlineData(4, 3)]
    [InlineData(1, 0)]
    [InlineData(-1, -1)]
    public void Constructor_RejectsAnIndexOutsideOneToCount(int index, int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardSpec(index, count));

    [Fact]
    public void ToString_WritesTheShardAsTheOptionTakesIt()
    {
        Assert.Equal("2/3", new ShardSpec(2, 3).ToString());
        Assert.Equal(new ShardSpec(7, 12), ShardSpec.Resolve(new ShardSpec(7, 12).ToString(), null, NoEnvironment).Shard);
    }

    private static Dictionary<string, string?> Slurm(string id, string? count, string? min = null, string? max = null, string? step = null) => new()
    {
        ["SLURM_ARRAY_TASK_ID"] = id,
        ["SLURM_ARRAY_TASK_COUNT"] = count,
        ["SLURM_ARRAY_TASK_MIN"] = min,
        ["SLURM_ARRAY_TASK_MAX"] = max,
        ["SLURM_ARRAY_TASK_STEP"] = step,
    };
}
