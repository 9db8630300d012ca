namespace Ingestion.Resolution;

/// <summary>
/// Order-independent agglomeration of mentions into incidents for <see cref="IncidentResolver.Cluster"/>. It keeps
/// buffers between calls, so one instance serves one caller at a time.
/// </summary>
internal sealed class ClusterBuilder(IncidentResolver resolver)
{
    /// <summary>
    /// A matching pair, by the indexes of its mentions in MentionId order. Edges sort strongest first: closest dates,
    /// then closest places, then indexes.
    /// </summary>
    internal readonly record struct Edge(int DateGap, float DistanceKm, int Low, int High) : IComparable<Edge>
    {
        // Compared field by field, not as tuples through a delegate: a dense week gives tens of thousands of edges to sort.
        public int CompareTo(Edge other)
        {
            var order = DateGap.CompareTo(other.DateGap);
            if (order == 0) order = DistanceKm.CompareTo(other.DistanceKm);
            if (order == 0) order = Low.CompareTo(other.Low);
            return order != 0 ? order : High.CompareTo(other.High);
        }
    }

    public IReadOnlyList<IncidentCluster> Build(IEnumerable<IncidentMention> input)
    {
        var mentions = Distinct(input);
        StartRound(mentions.Count);
        foreach (var e in Edges(mentions)) Offer(mentions, e.Low, e.High);
        return FinishRound(mentions);
    }

    /// <summary>
    /// Starts agglomerating <paramref name="count"/> mentions (distinct, in MentionId order), each alone in a group.
    /// The caller then offers every matching pair, strongest first (<see cref="Offer"/>), and collects the groups
    /// (<see cref="FinishRound"/>): pairs the caller already holds in order need no list of their own (on a busy week
    /// the Store's would be a large-object array of megabytes).
    /// </summary>
    internal void StartRound(int count)
    {
        groups.Start(count);
        // Groups only grow and a conflict stays in any group that holds it, so two groups found in conflict stay so:
        // the many edges between them (a dense day at one place) are refused without comparing them again.
        refused.Clear();
    }

    /// <summary>Joins the groups of the mentions at <paramref name="low"/> and <paramref name="high"/> unless a member of one conflicts with a member of the other.</summary>
    internal void Offer(List<IncidentMention> mentions, int low, int high)
    {
        int ga = groups.Owner[low], gb = groups.Owner[high];
        if (ga == gb) return;
        var pair = (Math.Min(ga, gb), Math.Max(ga, gb));
        if (refused.Contains(pair)) return;
        if (!CanMerge(mentions, ga, gb)) { refused.Add(pair); return; }
        groups.Merge(pair.Item1, pair.Item2);
    }

    internal IReadOnlyList<IncidentCluster> FinishRound(List<IncidentMention> mentions) =>
        groups.Collect(mentions).Select(ms => new IncidentCluster(ms[0].MentionId, ms)).ToList();

    // Kept between calls for their capacity: the Store agglomerates hundreds of neighbourhoods a batch, where a list
    // per mention and a set grown from empty each time were a fifth of what it allocated on a busy week.
    private readonly Groups groups = new();
    private readonly HashSet<(int, int)> refused = [];

    /// <summary>
    /// Groups of mentions as chains of indexes: each group is known by its smallest index (<see cref="Owner"/>),
    /// and its members are linked from that index through <see cref="Next"/> to <see cref="Tail"/>.
    /// </summary>
    private sealed class Groups
    {
        public int[] Owner = [], Next = [], Tail = [];

        /// <summary>Each of <paramref name="count"/> mentions alone in a group.</summary>
        public void Start(int count)
        {
            if (Owner.Length < count) (Owner, Next, Tail) = (new int[count], new int[count], new int[count]);
            for (int i = 0; i < count; i++) (Owner[i], Next[i], Tail[i]) = (i, -1, i);
        }

        /// <summary>Moves every member of <paramref name="drop"/> into <paramref name="keep"/>, the smaller id.</summary>
        public void Merge(int keep, int drop)
        {
            for (int i = drop; i != -1; i = Next[i]) Owner[i] = keep;
            Next[Tail[keep]] = drop;
            Tail[keep] = Tail[drop];
        }

        /// <summary>
        /// The groups' members, groups in order of their smallest index and members in index order (walked in index
        /// order, a group appears at its smallest index). Ends the round: <see cref="Tail"/> now numbers the groups.
        /// </summary>
        public List<List<T>> Collect<T>(List<T> items)
        {
            var collected = new List<List<T>>();
            for (int i = 0; i < items.Count; i++)
            {
                if (Owner[i] == i) { Tail[i] = collected.Count; collected.Add([]); }
                collected[Tail[Owner[i]]].Add(items[i]);
            }
            return collected;
        }
    }

    /// <summary>The input without repeats, in MentionId order; two different mentions under one id are refused.</summary>
    internal static List<IncidentMention> Distinct(IEnumerable<IncidentMention> input)
    {
        // Sorted once and repeats dropped as neighbours: the Store passes hundreds of mentions per call, thousands of
        // calls per busy week, where a sorted dictionary's node per mention showed in profiles.
        var sorted = input.ToList();
        sorted.Sort(static (a, b) => a.MentionId.CompareTo(b.MentionId));
        var distinct = new List<IncidentMention>(sorted.Count);
        foreach (var m in sorted)
        {
            if (distinct.Count == 0 || distinct[^1].MentionId != m.MentionId) distinct.Add(m);
            else if (!distinct[^1].Equals(m)) throw new ArgumentException($"Two different mentions share the id {m.MentionId}.", nameof(input));
        }
        return distinct;
    }

    /// <summary>Matching pairs, strongest first. A sweep over anchor dates limits the pairs compared to those a window allows.</summary>
    private List<Edge> Edges(List<IncidentMention> mentions)
    {
        int span = MatchSpanDays;
        var byAnchor = Enumerable.Range(0, mentions.Count)
            .OrderBy(i => IncidentResolver.AnchorDate(mentions[i]).DayNumber).ThenBy(i => i).ToArray();
        var edges = new List<Edge>();
        for (int x = 0; x < byAnchor.Length; x++)
        {
            var a = mentions[byAnchor[x]];
            int dayA = IncidentResolver.AnchorDate(a).DayNumber;
            for (int y = x + 1; y < byAnchor.Length; y++)
            {
                var b = mentions[byAnchor[y]];
                int gap = IncidentResolver.AnchorDate(b).DayNumber - dayA;
                if (gap > span) break;
                if (!resolver.SameIncident(a, b)) continue;
                int i = byAnchor[x], j = byAnchor[y];
                edges.Add(new Edge(gap, DistanceKm(a, b), Math.Min(i, j), Math.Max(i, j)));
            }
        }
        edges.Sort();
        return edges;
    }

    /// <summary>Two mentions whose anchor days lie further apart than this never match.</summary>
    internal int MatchSpanDays => resolver.Options.UndatedLookbackDays + 2 * resolver.Options.MaxDateToleranceDays;

    /// <summary>
    /// The distance an edge sorts by, from the mention anchored first (on a tie, the one with the smaller MentionId).
    /// Single precision (centimetres at these distances) orders pairs as well as double and halves what a pair keeps
    /// of it: the Store's clustering session holds a million pairs on a busy week.
    /// </summary>
    internal static float DistanceKm(IncidentMention first, IncidentMention second) =>
        (float)PlaceRules.DistanceKm(first.Place!.Lat, first.Place.Lon, second.Place!.Lat, second.Place.Lon);

    private bool CanMerge(List<IncidentMention> mentions, int left, int right)
    {
        for (int i = left; i != -1; i = groups.Next[i])
            for (int j = right; j != -1; j = groups.Next[j])
                if (resolver.Conflicts(mentions[i], mentions[j])) return false;
        return true;
    }
}
