using OrgSim.Core.Randomness;

namespace OrgSim.Core.Graph.Overlays;

/// <summary>
/// Lays the <see cref="OverlayOptions"/> over a built organisation and returns the combined one.
/// The organisation's own agents keep their ids; the life coach and the external coaches are
/// added after them as <see cref="Role.External"/> agents, each in a team of its own. A tie an
/// overlay would add between agents already tied is not added (the existing relationship stands).
/// The organisation is static, so pods, circles and coaching pairs last the whole run — at least
/// the quarter the seed asks for. Deterministic from the seed.
/// </summary>
public static class OverlayBuilder
{
    private const ulong PodStream = 11, CoachStream = 12, DottedStream = 13;

    /// <summary>The organisation with the overlays; <paramref name="graph"/> itself when none is on.</summary>
    /// <param name="graph">The organisation; not a complete graph (<see cref="OrgGraph.IsComplete"/>) unless no overlay is on.</param>
    /// <param name="options">The overlays.</param>
    /// <param name="seed">The organisation's seed.</param>
    /// <param name="remoteTieWeight">The weight of an overlay tie between employees at different sites or with a remote employee, in (0, 1]; ties with external coaches are never weakened.</param>
    /// <param name="cancellation">Checked every 16,384 agents while the organisation is copied, laid over and built, and between the overlays.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static OrgGraph Apply(OrgGraph graph, OverlayOptions options, ulong seed, double remoteTieWeight = 1, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!options.Any)
        {
            return graph;
        }

        // A complete graph's rows are implicit, and copying them into a builder would store all
        // n(n − 1) edges (10,000 agents: 68 MB → 1 GB). Nothing would be gained: every mentor,
        // circle peer and skip-level manager is already a contact, and coaches would make the
        // graph no longer complete.
        if (graph.IsComplete)
        {
            throw new ArgumentException("overlays cannot be laid over a complete graph: every agent already meets every other", nameof(graph));
        }

        int n = graph.NodeCount;
        if (!(remoteTieWeight > 0 && remoteTieWeight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(remoteTieWeight), remoteTieWeight, "should be in range (0, 1]");
        }

        var ties = new TieSet(graph, (float)remoteTieWeight);
        OrgGraphBuilder builder = OrgGraphBuilder.From(graph, options.ExtraAgents, cancellation);
        int nextTeam = graph.TeamCount;
        for (int x = n; x < n + options.ExtraAgents; x++)
        {
            builder.SetNode(x, -1, nextTeam++, 0, Role.External);
        }

        cancellation.ThrowIfCancellationRequested();
        List<int[]> pods = options.MenteeShare > 0 ? Pods(graph, options, seed) : [];
        cancellation.ThrowIfCancellationRequested();
        foreach (int[] pod in pods)
        {
            for (int i = 1; i < pod.Length; i++)
            {
                ties.TryAdd(builder, pod[i], pod[0], EdgeType.Mentor);
            }
        }

        int coach = n;
        if (options.LifeCoach)
        {
            foreach (int[] pod in pods)
            {
                ties.TryAdd(builder, pod[0], coach, EdgeType.Coach);
            }

            coach++;
        }

        AddExternalCoaches(graph, options, seed, builder, ties, coach);
        cancellation.ThrowIfCancellationRequested();
        if (options.CircleSize > 0)
        {
            AddCircles(pods, options.CircleSize, builder, ties);
        }

        if (options.SkipLevelMeetings)
        {
            for (int v = 0; v < n; v++)
            {
                GenerationCancellation.Check(v, cancellation);
                int manager = graph.Manager(v);
                int skip = manager < 0 ? -1 : graph.Manager(manager);
                if (skip >= 0)
                {
                    ties.TryAdd(builder, v, skip, EdgeType.SkipManager);
                }
            }
        }

        if (options.DottedLineShare > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            AddDottedLines(graph, options.DottedLineShare, seed, builder, ties);
        }

        return builder.Build(cancellation);
    }

    /// <summary>
    /// Pods per function: a share of the employees below the executive levels, drawn at random,
    /// are mentees; the most senior of the others (lowest level, then a random order) are their
    /// mentors, each taking between PodMin and PodMax of them. Each pod is [mentor, mentees…].
    /// </summary>
    private static List<int[]> Pods(OrgGraph graph, OverlayOptions options, ulong seed)
    {
        ulong key = CounterRng.Key(seed, PodStream);
        ulong draw = 0;
        var pods = new List<int[]>();
        for (int f = 0; f < Math.Max(1, graph.FunctionCount); f++)
        {
            int[] candidates = Enumerable.Range(0, graph.NodeCount)
                .Where(v => graph.Function(v) == f && graph.Role(v) is Role.Manager or Role.FrontLine)
                .ToArray();
            Shuffle(candidates, key, ref draw);
            int menteeCount = (int)Math.Round(candidates.Length * options.MenteeShare, MidpointRounding.AwayFromZero);
            int[] mentees = candidates[..menteeCount];
            int[] mentors = candidates[menteeCount..].OrderBy(graph.Level).ToArray(); // stable: random order within a level

            // Each mentor takes the next mentees it is not already tied to (its own reports or team
            // peers stay in the queue for another mentor), so every pod tie is a new relationship.
            var waiting = new LinkedList<int>(mentees);
            foreach (int mentor in mentors)
            {
                if (waiting.Count == 0)
                {
                    break;
                }

                int size = options.PodMin + CounterRng.Below(key, draw++, options.PodMax - options.PodMin + 1);
                var pod = new List<int> { mentor };
                for (LinkedListNode<int>? node = waiting.First; node is not null && pod.Count <= size;)
                {
                    LinkedListNode<int>? next = node.Next;
                    if (!graph.Neighbours(mentor).Contains(node.Value))
                    {
                        pod.Add(node.Value);
                        waiting.Remove(node);
                    }

                    node = next;
                }

                if (pod.Count > 1)
                {
                    pods.Add([.. pod]);
                }
            }
        }

        return pods;
    }

    /// <summary>Each external coach takes the next clients of a random order of the leaders (executives, then managers), then of everyone else.</summary>
    private static void AddExternalCoaches(OrgGraph graph, OverlayOptions options, ulong seed, OrgGraphBuilder builder, TieSet ties, int firstCoach)
    {
        if (options.ExternalCoaches == 0)
        {
            return;
        }

        ulong key = CounterRng.Key(seed, CoachStream);
        ulong draw = 0;
        int[] leaders = Enumerable.Range(0, graph.NodeCount).Where(v => graph.Role(v) is Role.Executive or Role.Manager).ToArray();
        int[] others = Enumerable.Range(0, graph.NodeCount).Where(v => graph.Role(v) == Role.FrontLine).ToArray();
        Shuffle(leaders, key, ref draw);
        Shuffle(others, key, ref draw);
        int[] clients = [.. leaders, .. others];
        int next = 0;
        for (int c = 0; c < options.ExternalCoaches; c++)
        {
            for (int k = 0; k < options.ClientsPerCoach && next < clients.Length; k++)
            {
                ties.TryAdd(builder, clients[next++], firstCoach + c, EdgeType.Coach);
            }

            // More clients than employees: start again, so every coach has a full practice.
            next = next >= clients.Length ? 0 : next;
        }
    }

    /// <summary>Pod members in pod order, member j to circle j mod C: consecutive members of a pod land in different circles.</summary>
    private static void AddCircles(List<int[]> pods, int size, OrgGraphBuilder builder, TieSet ties)
    {
        int[] members = pods.SelectMany(p => p).ToArray();
        int circles = (members.Length + size - 1) / size;
        if (circles < 2)
        {
            return; // One circle would just be everybody in the pods: no structure across pods.
        }

        for (int c = 0; c < circles; c++)
        {
            var circle = new List<int>();
            for (int j = c; j < members.Length; j += circles)
            {
                circle.Add(members[j]);
            }

            for (int a = 0; a < circle.Count; a++)
            {
                for (int b = a + 1; b < circle.Count; b++)
                {
                    ties.TryAdd(builder, circle[a], circle[b], EdgeType.CirclePeer);
                }
            }
        }
    }

    /// <summary>A share of non-executive employees get a second, dotted-line manager: a manager at their manager's level, in another function when there is one.</summary>
    private static void AddDottedLines(OrgGraph graph, double share, ulong seed, OrgGraphBuilder builder, TieSet ties)
    {
        ulong key = CounterRng.Key(seed, DottedStream);
        ulong draw = 0;
        var managersByLevel = new List<int>[graph.LevelCount];
        for (int v = 0; v < graph.NodeCount; v++)
        {
            if (graph.Role(v) is Role.Manager or Role.Executive && graph.EdgeTypesOf(v).Contains(EdgeType.Report))
            {
                (managersByLevel[graph.Level(v)] ??= []).Add(v);
            }
        }

        for (int v = 0; v < graph.NodeCount; v++)
        {
            int manager = graph.Manager(v);
            if (manager < 0 || graph.Role(v) is Role.Executive or Role.External || CounterRng.Uniform(key, draw++) >= share)
            {
                continue;
            }

            List<int>? peers = managersByLevel[graph.Level(manager)];
            for (int attempt = 0; peers is not null && attempt < 8; attempt++)
            {
                int candidate = peers[CounterRng.Below(key, draw++, peers.Count)];
                bool otherFunction = graph.FunctionCount <= 1 || graph.Function(candidate) != graph.Function(v);
                if (candidate != manager && candidate != v && otherFunction && ties.TryAdd(builder, v, candidate, EdgeType.DottedManager))
                {
                    break;
                }
            }
        }
    }

    private static void Shuffle(int[] items, ulong key, ref ulong draw)
    {
        for (int i = 0; i < items.Length - 1; i++)
        {
            int j = i + CounterRng.Below(key, draw++, items.Length - i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Which pairs are tied: the organisation's rows (short) plus the overlay's own additions.</summary>
    private sealed class TieSet(OrgGraph graph, float remoteTieWeight)
    {
        private readonly HashSet<long> _added = new(TiePairComparer.Instance); // A long's own hash, a ^ b, collides for most pairs.

        /// <summary>Adds the tie unless the pair is the same agent or already tied; says whether it did.</summary>
        public bool TryAdd(OrgGraphBuilder builder, int a, int b, EdgeType typeFromA)
        {
            if (a == b || _added.Contains(TiePairs.Pack(a, b)) || (a < graph.NodeCount && b < graph.NodeCount && graph.Neighbours(a).Contains(b)))
            {
                return false;
            }

            _added.Add(TiePairs.Pack(a, b));
            bool employees = a < graph.NodeCount && b < graph.NodeCount;
            bool remote = employees && (graph.IsRemote(a) || graph.IsRemote(b) || graph.Site(a) != graph.Site(b));
            builder.AddTie(a, b, typeFromA, remote ? remoteTieWeight : 1f);
            return true;
        }
    }
}
