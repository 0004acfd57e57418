using System.Globalization;
using static System.FormattableString;

namespace OrgSim.Experiments.Running;

/// <summary>
/// One shard of a scenario's runs, for splitting a sweep across the machines of a scheduler. Runs
/// are dealt round robin by their canonical index (0-based, in the order point, arm, replicate):
/// run <c>k</c> belongs to shard <c>(k mod Count) + 1</c>, so every shard gets an equal share of
/// every point and arm. Which shard runs a run never changes its result, because every run's seeds
/// come from its coordinates.
/// </summary>
/// <param name="Index">1-based: shard 2 of 3 has index 2. From 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shards the runs are split into; at least 1.</param>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>The variable Kubernetes indexed Jobs set with the shard count (the Job's spec.completions).</summary>
    public const string ShardCountVariable = "ORGSIM_SHARD_COUNT";

    private const string SlurmTaskId = "SLURM_ARRAY_TASK_ID";
    private const string SlurmTaskCount = "SLURM_ARRAY_TASK_COUNT";
    private const string SlurmTaskMin = "SLURM_ARRAY_TASK_MIN";
    private const string SlurmTaskMax = "SLURM_ARRAY_TASK_MAX";
    private const string SlurmTaskStep = "SLURM_ARRAY_TASK_STEP";
    private const string KubernetesIndex = "JOB_COMPLETION_INDEX";

    /// <summary>Where the shard came from: the <c>--shard</c> option.</summary>
    public const string FromOption = "--shard";

    /// <summary>Where the shard came from: a Slurm job array's variables.</summary>
    public const string FromSlurm = "Slurm job array";

    /// <summary>Where the shard came from: a Kubernetes indexed Job's completion index.</summary>
    public const string FromKubernetes = "Kubernetes indexed Job";

    /// <summary>Where the shard came from: nowhere, so every run is run.</summary>
    public const string FromNone = "none";

    /// <summary>The shard's 1-based index, from 1 to <see cref="Count"/>.</summary>
    public int Index { get; init; } = Index >= 1 && Index <= Count
        ? Index
        : throw new ArgumentOutOfRangeException(nameof(Index), Index, Invariant($"should be in range [1, {Count}]"));

    /// <summary>How many shards there are; at least 1.</summary>
    public int Count { get; init; } = Count >= 1
        ? Count
        : throw new ArgumentOutOfRangeException(nameof(Count), Count, "should be at least 1");

    /// <summary>Every run: shard 1 of 1.</summary>
    public static ShardSpec All => new(1, 1);

    /// <summary>Whether the run with canonical index <paramref name="canonicalRunIndex"/> (0-based) belongs to this shard.</summary>
    public bool Owns(long canonicalRunIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(canonicalRunIndex);
        return canonicalRunIndex % Count == Index - 1;
    }

    /// <summary>The shard as the <c>--shard</c> option writes it, e.g. <c>2/3</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>
    /// Decides which shard this process runs: <paramref name="shardOption"/> (<c>--shard I/N</c>) if
    /// given; else a Slurm job array (<c>SLURM_ARRAY_TASK_ID</c> and <c>SLURM_ARRAY_TASK_COUNT</c>,
    /// with <c>SLURM_ARRAY_TASK_MIN</c>, <c>_MAX</c> and <c>_STEP</c> when set); else a Kubernetes
    /// indexed Job (<c>JOB_COMPLETION_INDEX</c>, with the count from <paramref name="shardsOption"/>
    /// or <c>ORGSIM_SHARD_COUNT</c>); else <see cref="All"/>. Pure: the caller passes the environment.
    /// </summary>
    /// <param name="shardOption">The value of <c>--shard</c>, or null.</param>
    /// <param name="shardsOption">The value of <c>--shards</c>, or null.</param>
    /// <param name="environment">The process environment; a missing, empty or blank variable counts as unset.</param>
    /// <returns>
    /// The shard, or an error of one line that names the option or variable and what to fix (without
    /// the <c>orgsim: </c> prefix); and where the shard came from, for provenance:
    /// <see cref="FromOption"/>, <see cref="FromSlurm"/>, <see cref="FromKubernetes"/> or <see cref="FromNone"/>.
    /// </returns>
    public static (ShardSpec? Shard, string? Error, string Source) Resolve(string? shardOption, int? shardsOption, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (shardsOption is < 1)
        {
            return Failed(Invariant($"--shards is {shardsOption}; must be at least 1, e.g. --shards 10"), FromNone);
        }

        if (shardOption is not null)
        {
            return FromShardOption(shardOption, shardsOption);
        }

        if (Variable(environment, SlurmTaskId) is not null)
        {
            return FromSlurmArray(environment, shardsOption);
        }

        if (Variable(environment, KubernetesIndex) is not null)
        {
            return FromKubernetesJob(environment, shardsOption);
        }

        if (shardsOption is { } count)
        {
            return Failed(Invariant($"--shards {count} needs the shard's index: give --shard I/{count} instead, or run as a Kubernetes indexed Job (which sets {KubernetesIndex})"), FromNone);
        }

        return (All, null, FromNone);
    }

    private static (ShardSpec?, string?, string) FromShardOption(string text, int? shardsOption)
    {
        string[] parts = text.Split('/');
        if (parts.Length != 2 || !TryInteger(parts[0], out long index) || !TryInteger(parts[1], out long count))
        {
            return Failed(Invariant($"--shard is '{text}'; give it as I/N, shard I of N with whole numbers, e.g. --shard 2/3"), FromOption);
        }

        if (count is < 1 or > int.MaxValue)
        {
            return Failed(Invariant($"--shard is '{text}'; N must be at least 1, e.g. --shard 2/3"), FromOption);
        }

        if (index < 1 || index > count)
        {
            return Failed(Invariant($"--shard is '{text}'; I must be from 1 to N, e.g. --shard 2/3"), FromOption);
        }

        if (shardsOption is { } shards && shards != count)
        {
            return Failed(Invariant($"--shards is {shards} but --shard is '{text}' (N = {count}); drop --shards, --shard already gives the count"), FromOption);
        }

        return Resolved((int)index, (int)count, FromOption);
    }

    /// <remarks>
    /// Slurm numbers array tasks by the indices of <c>--array</c>: <c>--array=1-10</c> gives 1 … 10,
    /// <c>--array=0-30:10</c> gives 0, 10, 20, 30 with MIN 0, MAX 30, STEP 10 and COUNT 4. A single
    /// evenly spaced range maps to shards 1 … COUNT as (ID − MIN) / STEP + 1; a list such as
    /// <c>--array=1,2,9</c> cannot be numbered from the variables, so it is refused.
    /// </remarks>
    private static (ShardSpec?, string?, string) FromSlurmArray(IReadOnlyDictionary<string, string?> environment, int? shardsOption)
    {
        var (id, idError) = NonNegative(environment, SlurmTaskId);
        var (count, countError) = NonNegative(environment, SlurmTaskCount);
        var (min, minError) = NonNegative(environment, SlurmTaskMin);
        var (max, maxError) = NonNegative(environment, SlurmTaskMax);
        var (step, stepError) = NonNegative(environment, SlurmTaskStep);
        if ((idError ?? countError ?? minError ?? maxError ?? stepError) is { } error)
        {
            return Failed(error, FromSlurm);
        }

        if (id is not { } task)
        {
            throw new InvalidOperationException($"{SlurmTaskId} was checked to be set");
        }

        if (count is not { } tasks)
        {
            return Failed(Invariant($"{SlurmTaskId} is {task} but {SlurmTaskCount} is not set; Slurm sets both in a job array, so give the shard with --shard I/N"), FromSlurm);
        }

        long first = min ?? 0;
        long stride = step ?? 1;
        if (tasks is < 1 or > int.MaxValue)
        {
            return Failed(Invariant($"{SlurmTaskCount} is {tasks}; must be from 1 to {int.MaxValue}, so submit the array with sbatch --array=1-N or give --shard I/N"), FromSlurm);
        }

        if (stride < 1)
        {
            return Failed(Invariant($"{SlurmTaskStep} is {stride}; must be at least 1, so submit the array with sbatch --array=1-N or give --shard I/N"), FromSlurm);
        }

        if (max is { } last && last != first + (stride * (tasks - 1)))
        {
            return Failed(Invariant($"the Slurm job array is not one evenly spaced range ({SlurmTaskMin} {first}, {SlurmTaskMax} {last}, {SlurmTaskStep} {stride}, {SlurmTaskCount} {tasks}), so its tasks cannot be numbered 1 to {tasks}; submit it as sbatch --array=1-{tasks} or give --shard I/N"), FromSlurm);
        }

        if (task < first || (task - first) % stride != 0)
        {
            return Failed(Invariant($"{SlurmTaskId} is {task}, which is not {SlurmTaskMin} {first} plus a multiple of {SlurmTaskStep} {stride}; submit the array as sbatch --array=1-{tasks} or give --shard I/N"), FromSlurm);
        }

        long index = ((task - first) / stride) + 1;
        if (index > tasks)
        {
            string range = stride == 1 ? Invariant($"{first}-{first + tasks - 1}") : Invariant($"{first}-{first + (stride * (tasks - 1))}:{stride}");
            return Failed(Invariant($"{SlurmTaskId} is {task} but {SlurmTaskCount} is {tasks} ({SlurmTaskMin} {first}), so it would be shard {index} of {tasks}; the array's tasks must be {range}, e.g. sbatch --array=1-{tasks}"), FromSlurm);
        }

        if (shardsOption is { } shards && shards != tasks)
        {
            return Failed(Invariant($"--shards is {shards} but the Slurm job array has {SlurmTaskCount} {tasks}; drop --shards, the array gives the count"), FromSlurm);
        }

        return Resolved((int)index, (int)tasks, FromSlurm);
    }

    private static (ShardSpec?, string?, string) FromKubernetesJob(IReadOnlyDictionary<string, string?> environment, int? shardsOption)
    {
        var (completionIndex, indexError) = NonNegative(environment, KubernetesIndex);
        if (indexError is not null || completionIndex is not { } zeroBased)
        {
            return Failed(indexError ?? $"{KubernetesIndex} is not set", FromKubernetes);
        }

        long count;
        string countName;
        if (shardsOption is { } shards)
        {
            (count, countName) = (shards, "--shards");
        }
        else if (Variable(environment, ShardCountVariable) is { } text)
        {
            if (!TryInteger(text, out count) || count < 1 || count > int.MaxValue)
            {
                return Failed(Invariant($"{ShardCountVariable} is '{text}'; must be a whole number of at least 1, the Job's spec.completions, e.g. {ShardCountVariable}=10"), FromKubernetes);
            }

            countName = ShardCountVariable;
        }
        else
        {
            return Failed(Invariant($"{KubernetesIndex} is {zeroBased} but the shard count is not given; set {ShardCountVariable} to the Job's spec.completions in the container's env, or pass --shards N"), FromKubernetes);
        }

        long index = zeroBased + 1;
        if (index > count)
        {
            return Failed(Invariant($"{KubernetesIndex} is {zeroBased} but {countName} is {count}; the index must be below the count, so set {countName} to the Job's spec.completions"), FromKubernetes);
        }

        return Resolved((int)index, (int)count, FromKubernetes);
    }

    private static (ShardSpec?, string?, string) Resolved(int index, int count, string source) => (new ShardSpec(index, count), null, source);

    private static (ShardSpec?, string?, string) Failed(string error, string source) => (null, error, source);

    private static string? Variable(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The variable as a whole number of at least 0; null without an error if it is unset.</summary>
    private static (long? Value, string? Error) NonNegative(IReadOnlyDictionary<string, string?> environment, string name)
    {
        if (Variable(environment, name) is not { } text)
        {
            return (null, null);
        }

        return TryInteger(text, out long value) && value >= 0
            ? (value, null)
            : (null, $"{name} is '{text}'; must be a whole number of at least 0");
    }

    /// <summary>A whole number, optionally signed and surrounded by spaces; out of the range of long is not one.</summary>
    private static bool TryInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
