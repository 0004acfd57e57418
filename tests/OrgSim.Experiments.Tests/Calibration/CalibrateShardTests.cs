using OrgSim.Experiments.Jobs;

namespace OrgSim.Experiments.Tests.Calibration;

/// <summary>Shards of one calibration in one folder: each runs its part of a round, whoever finds every part merges it, and the end is an unsharded calibration's, byte for byte.</summary>
public class CalibrateShardTests
{
    private static readonly string[] Outputs = ["calibration.csv", "posterior.csv", "generations.csv", "fitted.yaml", "fit.svg", "report.html"];

    private static CalibrateRequest Shard(string folder, string shard, string outName = "sharded") =>
        CalibrationFixture.Request(folder, outName) with { Shard = shard };

    [Fact]
    [Trait("Category", "Slow")]
    public void ThreeShards_RoundByRound_InAnyOrder_GiveTheUnshardedOutputs()
    {
        string folder = CalibrationFixture.Folder(particles: 30, maxGenerations: 3);
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(CalibrationFixture.Request(folder, "whole"), _ => { }).Status);

        int[][] orders = [[1, 2, 3], [3, 1, 2], [2, 3, 1], [3, 2, 1], [1, 3, 2]];
        string sharded = Path.Combine(folder, "sharded");
        int passes = 0;
        while (!File.Exists(Path.Combine(sharded, "calibration.csv")))
        {
            Assert.True(passes < 20, "the shards should finish within 20 passes");
            foreach (int i in orders[passes % orders.Length])
            {
                JobOutcome outcome = CalibrateJob.Execute(Shard(folder, $"{i}/3"), _ => { });
                Assert.True(outcome.Status == JobStatus.Success, string.Join('\n', outcome.Errors));
            }

            passes++;
        }

        Assert.True(passes > 2, "a calibration of several rounds takes a pass per round");
        foreach (string name in Outputs)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder, "whole", name)).Replace(Path.Combine(folder, "whole"), "OUT", StringComparison.Ordinal), File.ReadAllText(Path.Combine(sharded, name)).Replace(sharded, "OUT", StringComparison.Ordinal));
        }

        string[] rounds = [.. Directory.EnumerateFiles(Path.Combine(folder, "whole", "rounds")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        foreach (string round in rounds)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "whole", "rounds", round)), File.ReadAllBytes(Path.Combine(sharded, "rounds", round)));
        }
    }

    [Fact]
    public void Unsharded_Invocation_RunsOnlyWhatThePartsMiss_AndEndsTheSame()
    {
        string folder = CalibrationFixture.Folder(particles: 20, maxGenerations: 2);
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(CalibrationFixture.Request(folder, "whole"), _ => { }).Status);
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(Shard(folder, "2/3"), _ => { }).Status);

        var lines = new List<string>();
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(CalibrationFixture.Request(folder, "sharded"), lines.Add).Status);
        Assert.Contains(lines, l => l.StartsWith("  generation 0, round 0: ran ", StringComparison.Ordinal) && l.Contains("(the rest from 1 stored parts of 3)", StringComparison.Ordinal));
        foreach (string name in Outputs)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder, "whole", name)).Replace(Path.Combine(folder, "whole"), "OUT", StringComparison.Ordinal), File.ReadAllText(Path.Combine(folder, "sharded", name)).Replace(Path.Combine(folder, "sharded"), "OUT", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void FreshOrganisationPerPoint_StillGivesTheUnshardedOutputs()
    {
        // A candidate's run depends on its seed alone, not on its place in the batch that runs it.
        string folder = CalibrationFixture.Folder(particles: 12, maxGenerations: 2, extra: "organisation_per_point: fresh");
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(CalibrationFixture.Request(folder, "whole"), _ => { }).Status);
        for (int pass = 0; pass < 10 && !File.Exists(Path.Combine(folder, "sharded", "posterior.csv")); pass++)
        {
            Assert.Equal(JobStatus.Success, CalibrateJob.Execute(Shard(folder, "2/2"), _ => { }).Status);
            Assert.Equal(JobStatus.Success, CalibrateJob.Execute(Shard(folder, "1/2"), _ => { }).Status);
        }

        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "whole", "posterior.csv")), File.ReadAllBytes(Path.Combine(folder, "sharded", "posterior.csv")));
    }

    [Fact]
    public void Part_OfAnotherShardCount_IsRefused_NamingIt()
    {
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 2);
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(Shard(folder, "1/2"), _ => { }).Status);
        string part = Path.Combine(folder, "sharded", "rounds", "g000-r000.part-1-of-2.csv");
        Assert.True(File.Exists(part));

        JobOutcome refused = CalibrateJob.Execute(Shard(folder, "2/3"), _ => { });
        Assert.Equal(JobStatus.BadInput, refused.Status);
        Assert.Equal($"{part}: is a part of round 0 of generation 0 split into 2 shards, but this is shard 2/3; every shard of a round needs the same N: rerun with --shard I/2, or remove the round's part files to split it again", Assert.Single(refused.Errors));
        Assert.False(File.Exists(Path.Combine(folder, "sharded", "rounds", "g000-r000.part-2-of-3.csv")));
    }

    [Fact]
    public void Part_WithOtherCandidates_IsRefused_NamingIt()
    {
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 2);
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(Shard(folder, "1/2"), _ => { }).Status);
        string part = Path.Combine(folder, "sharded", "rounds", "g000-r000.part-1-of-2.csv");
        string[] lines = File.ReadAllLines(part);
        File.WriteAllLines(part, lines.Take(lines.Length - 1));

        JobOutcome refused = CalibrateJob.Execute(Shard(folder, "2/2"), _ => { });
        Assert.Equal($"{part}: holds other candidates than shard 1/2 of round 0 of generation 0 in this calibration (made by another version of orgsim?); remove it to run that part again", Assert.Single(refused.Errors));
    }

    [Fact]
    public void Shard_WhosePartIsStored_DoesNotRunItAgain_AndSaysWhatIsMissing()
    {
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 2);
        string rounds = Path.Combine(folder, "sharded", "rounds");
        var first = new List<string>();
        JobOutcome ran = CalibrateJob.Execute(Shard(folder, "1/3"), first.Add);
        Assert.Equal(JobStatus.Success, ran.Status);
        Assert.Contains(first, l => l.StartsWith("  generation 0, round 0: part 1/3: ran ", StringComparison.Ordinal));
        Assert.Equal($"Generation 0, round 0: parts 1 of 3 are stored in {rounds}; missing 2, 3. Next: run shards 2/3, 3/3 (or the whole array again) into the same --out; the invocation that finds every part merges the round and goes on.", Assert.Single(ran.Lines));
        byte[] stored = File.ReadAllBytes(Path.Combine(rounds, "g000-r000.part-1-of-3.csv"));

        var again = new List<string>();
        JobOutcome skipped = CalibrateJob.Execute(Shard(folder, "1/3"), again.Add);
        Assert.Equal(JobStatus.Success, skipped.Status);
        Assert.DoesNotContain(again, l => l.Contains(": ran ", StringComparison.Ordinal));
        Assert.Contains("  generation 0, round 0: part 1/3 is stored already; not run again", again);
        Assert.Equal(stored, File.ReadAllBytes(Path.Combine(rounds, "g000-r000.part-1-of-3.csv")));

        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(Shard(folder, "3/3"), _ => { }).Status);
        var last = new List<string>();
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(Shard(folder, "2/3"), last.Add).Status);
        Assert.Contains(last, l => l.StartsWith("  generation 0, round 0: merged 3 parts: ", StringComparison.Ordinal));
        Assert.Contains(last, l => l.StartsWith("  generation 1, round 0: part 2/3: ran ", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(rounds, "g000-r000.csv")));
    }

    [Fact]
    public void Shard_FromTheEnvironment_IsResolvedAsSweepsResolveIt()
    {
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 2);
        var slurm = new Dictionary<string, string?> { ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "3", ["SLURM_ARRAY_TASK_MIN"] = "0", ["SLURM_ARRAY_TASK_MAX"] = "2" };
        var lines = new List<string>();
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(CalibrationFixture.Request(folder, "sharded") with { Environment = slurm }, lines.Add).Status);
        Assert.StartsWith("Shard 2/3 (Slurm job array): ", lines[0], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "sharded", "rounds", "g000-r000.part-2-of-3.csv")));

        var kubernetes = new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = "3" };
        JobOutcome refused = CalibrateJob.Execute(CalibrationFixture.Request(folder, "sharded") with { Environment = kubernetes }, _ => { });
        Assert.Equal("orgsim calibrate: JOB_COMPLETION_INDEX is 3 but the shard count is not given; set ORGSIM_SHARD_COUNT to the Job's spec.completions in the container's env, or pass --shards N", Assert.Single(refused.Errors));
    }

    [Fact]
    public void Folder_BeingClaimedByAnotherShard_IsNotAFolderOfOtherFiles()
    {
        // Another shard started at the same moment has made rounds/ but not written calibration.json yet.
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 2);
        Directory.CreateDirectory(Path.Combine(folder, "sharded", "rounds"));
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(Shard(folder, "1/2"), _ => { }).Status);

        // Round files without the manifest say nothing of whose they are: still refused.
        File.Delete(Path.Combine(folder, "sharded", "calibration.json"));
        Assert.Contains("already holds files that are not a calibration's", Assert.Single(CalibrateJob.Execute(Shard(folder, "2/2"), _ => { }).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Overwrite_RemovesTheOtherCalibrationsParts()
    {
        string folder = CalibrationFixture.Folder(particles: 10, maxGenerations: 2);
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(Shard(folder, "1/2"), _ => { }).Status);
        File.AppendAllText(Path.Combine(folder, "observed.csv"), "25,pacing,10,5,3,1,1\n");
        Assert.Equal(JobStatus.BadInput, CalibrateJob.Execute(Shard(folder, "1/2"), _ => { }).Status);
        Assert.Equal(JobStatus.Success, CalibrateJob.Execute(Shard(folder, "2/3") with { Overwrite = true }, _ => { }).Status);
        Assert.Equal(["g000-r000.part-2-of-3.csv"], Directory.EnumerateFiles(Path.Combine(folder, "sharded", "rounds")).Select(Path.GetFileName));
    }
}
