using System.Runtime.InteropServices;

namespace Ingestion.Resolution;

/// <summary>
/// Clusters many overlapping sets of mentions, each exactly as <see cref="IncidentResolver.Cluster"/> would, but
/// compares each pair of mentions once for the whole session: the matching pairs found are kept, in the order
/// clustering takes them, and each set is clustered over the kept pairs among its members. The Store clusters the
/// neighbourhood of every mention of a batch, and on a busy week around one place those neighbourhoods are nearly
/// the same hundreds of mentions each time, where comparing every pair again and sorting the matches was most of
/// its work. Mentions are immutable, so what was found of a pair stays true, from one batch to the next as well:
/// <see cref="KeepAround"/> readies the session for the next batch and keeps what it knows of the days that batch
/// works on, and <see cref="Reset"/> forgets everything. One caller at a time.
/// </summary>
public sealed class ClusteringSession(IncidentResolver resolver)
{
    private readonly ClusterBuilder builder = new(resolver);
    private readonly Dictionary<Guid, int> slots = [];
    private readonly List<IncidentMention> known = [];
    private readonly List<int> anchorDays = [];
    // Known mentions by anchor day: a new one is compared only with those a match span away, not with every
    // neighbourhood of the batch (spread over years, they rarely overlap).
    private readonly Dictionary<int, List<int>> slotsByDay = [];
    // Every matching pair among the known mentions, strongest first, by slot.
    private readonly List<KnownEdge> edges = [];
    // The pairs one call found: kept, like the list above, for its capacity.
    private readonly List<KnownEdge> found = [];

    /// <summary>
    /// A matching pair by slots, <see cref="Low"/> holding the smaller MentionId. Its date gap is not kept but read
    /// off the two anchor days (<see cref="DateGap"/>) and its distance is single precision: 12 bytes a pair (24 with
    /// the gap and a double), on lists of a million pairs.
    /// </summary>
    private readonly record struct KnownEdge(float DistanceKm, int Low, int High);

    /// <summary>
    /// Forgets every mention and pair but keeps the buffers: on a busy week the kept pairs fill lists of megabytes,
    /// which, grown again from empty by every batch, left large-object garbage between full collections.
    /// </summary>
    public void Reset()
    {
        slots.Clear();
        known.Clear();
        anchorDays.Clear();
        slotsByDay.Clear();
        edges.Clear();
        found.Clear();
        carried = 0;
    }

    /// <summary>
    /// Keeps what the session knows of mentions anchored inside the given windows, where most of what a batch
    /// clusters lies, and forgets the rest, as the Store readies it for a batch whose new mentions have these
    /// windows. A live stream's batches work on the same recent days, whose mentions each batch compared pair by
    /// pair again: on a busy week that was most of the Store's work. Past
    /// <see cref="MaxKeptMentions"/> or <see cref="MaxKeptPairs"/> it forgets everything, so what a session holds
    /// between batches stays bounded. What it forgets it learns again when asked: only speed depends on what is kept.
    /// </summary>
    public void KeepAround(IEnumerable<CandidateWindow> windows)
    {
        found.Clear();
        var days = new HashSet<int>();
        foreach (var w in windows)
            for (var day = w.From.DayNumber; day <= w.To.DayNumber; day++) days.Add(day);
        var renumbered = new int[known.Count];
        var kept = 0;
        for (var slot = 0; slot < known.Count; slot++) renumbered[slot] = days.Contains(anchorDays[slot]) ? kept++ : -1;
        if (kept > MaxKeptMentions) { Reset(); return; }

        // Kept mentions move down to their new slots in order, and kept pairs keep their order: it depends on
        // dates, distances and MentionIds, not on slots.
        slots.Clear();
        slotsByDay.Clear();
        for (var slot = 0; slot < renumbered.Length; slot++)
        {
            var moved = renumbered[slot];
            if (moved < 0) continue;
            (known[moved], anchorDays[moved]) = (known[slot], anchorDays[slot]);
            slots.Add(known[moved].MentionId, moved);
            if (!slotsByDay.TryGetValue(anchorDays[moved], out var sameDay)) slotsByDay[anchorDays[moved]] = sameDay = [];
            sameDay.Add(moved);
        }
        known.RemoveRange(kept, known.Count - kept);
        anchorDays.RemoveRange(kept, anchorDays.Count - kept);
        var pairs = 0;
        var all = CollectionsMarshal.AsSpan(edges);
        foreach (var e in all)
            if (renumbered[e.Low] >= 0 && renumbered[e.High] >= 0)
                all[pairs++] = e with { Low = renumbered[e.Low], High = renumbered[e.High] };
        edges.RemoveRange(pairs, edges.Count - pairs);
        carried = kept;
        if (pairs > MaxKeptPairs) Reset();
    }

    /// <summary>Most mentions and matching pairs kept between batches (12 bytes a pair).</summary>
    internal const int MaxKeptMentions = 20_000, MaxKeptPairs = 2_000_000;

    /// <summary>How many mentions the session knows, and whether it knows one: what it holds between batches, for tests.</summary>
    internal int KnownMentions => known.Count;

    internal bool Knows(Guid mentionId) => slots.ContainsKey(mentionId);

    // Mentions in slots below this were learned before the last KeepAround: another batch's reading of them.
    private int carried;

    public IReadOnlyList<IncidentCluster> Cluster(IEnumerable<IncidentMention> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var mentions = ClusterBuilder.Distinct(input);
        try
        {
            if (!Learn(mentions))
            {
                // A mention kept from an earlier batch differs from this batch's reading of it: what was kept is not
                // trusted, and everything is learned again.
                Reset();
                Learn(mentions);
            }
        }
        catch
        {
            // Learning stopped half way knows mentions without all their pairs: nothing of it may serve a later call.
            Reset();
            throw;
        }

        // The kept pairs among these mentions, renumbered by their place in MentionId order, are offered to
        // agglomeration as they are read: the same pairs, in the same order, as clustering these mentions alone would
        // find and sort, with no list of them (a busy week's was a second array of megabytes beside the kept pairs).
        if (indexOfSlot.Length < known.Count) indexOfSlot = Unnumbered(Math.Max(known.Count, 2 * indexOfSlot.Length));
        try
        {
            for (var i = 0; i < mentions.Count; i++) indexOfSlot[slots[mentions[i].MentionId]] = i;
            builder.StartRound(mentions.Count);
            foreach (var e in CollectionsMarshal.AsSpan(edges))
            {
                int low = indexOfSlot[e.Low], high = indexOfSlot[e.High];
                if (low >= 0 && high >= 0) builder.Offer(mentions, low, high);
            }
            return builder.FinishRound(mentions);
        }
        finally
        {
            foreach (var mention in mentions) indexOfSlot[slots[mention.MentionId]] = -1;
        }
    }

    // Each known mention's index among one call's mentions, -1 outside the call: an array the size of every mention
    // the batch knows, which allocated anew by each call was a fiftieth of the Store's allocations on a busy week.
    private int[] indexOfSlot = [];

    private static int[] Unnumbered(int length)
    {
        var array = new int[length];
        Array.Fill(array, -1);
        return array;
    }

    /// <summary>
    /// Compares each mention not seen before with the known ones a match span of days around it, and keeps the
    /// matches in order. False, having stopped, when a mention kept from an earlier batch differs from this one.
    /// </summary>
    private bool Learn(List<IncidentMention> mentions)
    {
        found.Clear();
        foreach (var mention in mentions)
        {
            if (slots.TryGetValue(mention.MentionId, out var seen))
            {
                if (ReferenceEquals(known[seen], mention)) continue;
                if (SameContent(known[seen], mention))
                {
                    // This batch's instance from now on: the next call that brings it compares references only.
                    known[seen] = mention;
                    continue;
                }
                if (seen < carried) return false;
                throw new ArgumentException($"Two different mentions share the id {mention.MentionId}.", nameof(mentions));
            }
            var slot = known.Count;
            var day = IncidentResolver.AnchorDate(mention).DayNumber;
            foreach (var other in KnownAround(day))
            {
                // The pair as clustering orders it: the mention anchored first (on a tie, the smaller MentionId) comes first.
                var first = (anchorDays[other], known[other].MentionId).CompareTo((day, mention.MentionId)) < 0 ? known[other] : mention;
                var second = first == mention ? known[other] : mention;
                if (!resolver.SameIncident(first, second)) continue;
                var (low, high) = known[other].MentionId.CompareTo(mention.MentionId) < 0 ? (other, slot) : (slot, other);
                found.Add(new KnownEdge(ClusterBuilder.DistanceKm(first, second), low, high));
            }
            slots.Add(mention.MentionId, slot);
            known.Add(mention);
            anchorDays.Add(day);
            if (!slotsByDay.TryGetValue(day, out var sameDay)) slotsByDay[day] = sameDay = [];
            sameDay.Add(slot);
        }
        if (found.Count == 0) return true;
        found.Sort(Strongest);
        Merge(found);
        return true;
    }

    /// <summary>
    /// Equal field by field, the denials by their items: each batch reads a stored mention into an instance of its
    /// own, whose list of denials a record compares by reference.
    /// </summary>
    private static bool SameContent(IncidentMention kept, IncidentMention given) =>
        kept.Equals(given) || (kept with { Denials = given.Denials }).Equals(given) && kept.Denials.SequenceEqual(given.Denials);

    /// <summary>Known mentions anchored within the match span of <paramref name="day"/>.</summary>
    private IEnumerable<int> KnownAround(int day)
    {
        int span = builder.MatchSpanDays;
        for (var d = day - span; d <= day + span; d++)
            if (slotsByDay.TryGetValue(d, out var around))
                foreach (var slot in around) yield return slot;
    }

    /// <summary>
    /// Merges sorted new edges into the kept ones in place, from the back: a few hundred new edges land among a
    /// hundred thousand kept, so the runs between them are moved whole, and no second list of that size is needed.
    /// </summary>
    private void Merge(List<KnownEdge> added)
    {
        var unmoved = edges.Count;
        CollectionsMarshal.SetCount(edges, unmoved + added.Count);
        var all = CollectionsMarshal.AsSpan(edges);
        var free = all.Length;
        for (var a = added.Count - 1; a >= 0; a--)
        {
            // The kept edges that sort after this one move behind it.
            var from = FirstAfter(all[..unmoved], added[a]);
            var run = unmoved - from;
            all.Slice(from, run).CopyTo(all[(free - run)..]);
            free -= run;
            unmoved = from;
            all[--free] = added[a];
        }
    }

    private int DateGap(KnownEdge edge) => Math.Abs(anchorDays[edge.Low] - anchorDays[edge.High]);

    /// <summary>The first index whose edge sorts after <paramref name="edge"/>.</summary>
    private int FirstAfter(ReadOnlySpan<KnownEdge> sorted, KnownEdge edge)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            if (Strongest(sorted[mid], edge) <= 0) low = mid + 1; else high = mid;
        }
        return low;
    }

    /// <summary>Clustering's order (<see cref="ClusterBuilder.Edge"/>): closest dates, then closest places, then MentionIds.</summary>
    private int Strongest(KnownEdge a, KnownEdge b)
    {
        var order = DateGap(a).CompareTo(DateGap(b));
        if (order == 0) order = a.DistanceKm.CompareTo(b.DistanceKm);
        if (order == 0) order = known[a.Low].MentionId.CompareTo(known[b.Low].MentionId);
        return order != 0 ? order : known[a.High].MentionId.CompareTo(known[b.High].MentionId);
    }
}
