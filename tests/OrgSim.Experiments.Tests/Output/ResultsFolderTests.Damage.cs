using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Tests.Output;

/// <summary>Merging shard folders that hold a damaged file: an error naming the file and what to do, and nothing written.</summary>
public partial class ResultsFolderTests
{
    private static readonly string ShardText = TestScenarios.SmallText(agents: 60, replicates: 2, horizon: 8);

    public static TheoryData<int, string, string, string> DamagedShardFiles() => new()
    {
        // the shard (1 or 2 of 2), its file, what is done to it, what the error says about it
        { 2, "p000000-a001-r000001.run", "empty", "is damaged (empty); rerun that shard's 'orgsim run' command (it redoes the damaged run), then merge again" },
        { 2, "p000000-a001-r000001.run", "flipped digit", "is damaged (checksum mismatch); rerun that shard's 'orgsim run' command (it redoes the damaged run), then merge again" },
        { 2, "p000000-a001-r000001.run", "cut in the timeseries", "is damaged (truncated" },
        { 1, "orgchart-a001.json", "garbage", "is damaged (line 1: not valid JSON" }, // Written by the run of point 0, replicate 0: shard 1's.
        { 2, "identity.json", "garbage", "is damaged (line 1: not valid JSON" },
        { 2, "identity.json", "{}", "is damaged (scenario_file is missing)" },
        { 2, "identity.json", "wrong shape", "is damaged (replicates is 0; must be in [1, 100000])" },
        { 1, "run.json", "garbage", "is damaged (line 1: not valid JSON" }, // Merge takes the first shard's.
    };

    [Theory]
    [MemberData(nameof(DamagedShardFiles))]
    public void Merge_OfAShardWithADamagedFileNamesItAndWritesNothing(int damagedShard, string file, string damage, string expected)
    {
        string root = TestPaths.TempDirectory();
        string[] shards = [Path.Combine(root, "shard-1"), Path.Combine(root, "shard-2")];
        for (int i = 0; i < 2; i++)
        {
            RunOutcome shard = RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(TestRuns.ScenarioFile(ShardText), []), Out = shards[i], Shard = $"{i + 1}/2", Threads = 1, NoReport = true }, new RunListener());
            Assert.True(shard.Status == JobStatus.Success, string.Join('\n', shard.Errors));
        }

        string shardFolder = shards[damagedShard - 1];
        string path = file == "run.json" ? Path.Combine(shardFolder, file) : RunRecordTests.RecordPath(shardFolder, file);
        File.WriteAllBytes(path, damage switch
        {
            "garbage" => "garbage"u8.ToArray(),
            "{}" => "{}"u8.ToArray(),
            "wrong shape" => System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(path).Replace("\"replicates\": 2", "\"replicates\": 0", StringComparison.Ordinal)),
            _ => RunRecordTests.Damage(damage, File.ReadAllBytes(path), shardFolder),
        });

        string merged = Path.Combine(root, "merged");
        JobOutcome outcome = MergeJob.Execute(shards, merged, overwrite: false, _ => { });

        Assert.Equal(JobStatus.BadInput, outcome.Status);
        string error = Assert.Single(outcome.Errors);
        Assert.StartsWith($"orgsim merge: {path} {expected}", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(merged));
    }
}
