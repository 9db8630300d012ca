using Ingestion.Contracts;
using Ingestion.Resolution;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.ObjectPool;

namespace Ingestion.Store.Data;

/// <summary>
/// The incident store on EF Core (PostgreSQL or SQLite). Each new mention re-resolves the neighbourhood it
/// falls in (see <see cref="ResolutionPlan"/>); every incident whose mentions changed is recomputed, and the
/// events that matter are written to the outbox in the same transaction. Mentions come in batches (see
/// <see cref="Consumers.MentionBatcher"/>): one lock and one commit serve them all, resolved one after another.
/// </summary>
public sealed class EfIncidentStore(StoreDbContext db, IncidentResolver resolver, ObjectPool<KeptBetweenBatches> keptBetweenBatches, OutboxSignal<StoreDbContext> outbox, TimeProvider time)
    : IIncidentStore
{
    public async Task<IReadOnlyList<MentionOutcome>> RecordMentionsAsync(IReadOnlyList<Traced<IncidentReported>> mentions, CancellationToken ct)
    {
        kept = keptBetweenBatches.Get();
        clustering = kept.Clustering;
        try
        {
            return await RecordBatchAsync(mentions, ct);
        }
        finally
        {
            keptBetweenBatches.Return(kept);
        }
    }

    private async Task<IReadOnlyList<MentionOutcome>> RecordBatchAsync(IReadOnlyList<Traced<IncidentReported>> mentions, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One resolution at a time per database: two mentions of one incident resolved concurrently would
        // each open an incident. Replicas of the Store serialise here; SQLite's writer lock does it there.
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7261001)", ct);

        (view, events, incidentsInBatch, storedIncidents, storedMembers) = (new BatchView(db), new BatchEvents(), [], [], []);
        var ids = mentions.Select(m => m.Value.MentionId).ToList();
        var recorded = await db.Mentions.AsNoTracking().Where(m => ids.Contains(m.MentionId)).ToDictionaryAsync(m => m.MentionId, m => m.IncidentId, ct);
        await ReadNeighbourhoodsAsync(mentions.Select(m => m.Value).Where(m => !recorded.ContainsKey(m.MentionId)).DistinctBy(m => m.MentionId).ToList(), ct);
        var outcomes = new List<MentionOutcome>(mentions.Count);
        foreach (var traced in mentions)
        {
            var reported = traced.Value;
            using var activity = traced.StartActivity("resolve mention");
            if (recorded.TryGetValue(reported.MentionId, out var incidentId))
            {
                outcomes.Add(new MentionOutcome(MentionResult.AlreadyRecorded, incidentId, []));
                continue;
            }
            var outcome = Resolve(reported);
            recorded[reported.MentionId] = outcome.IncidentId;
            outcomes.Add(outcome);
        }
        events.Write(db, id => incidentsInBatch[id], time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        events.CountCommitted();
        kept.Rows.KeepOnly(view.Rows());
        outbox.Notify();
        return outcomes;
    }

    private MentionOutcome Resolve(IncidentReported reported)
    {
        var now = time.GetUtcNow();
        var added = MentionMapping.ToRecord(reported, Guid.Empty, now);
        var related = LoadRelated(added.MentionId);
        // Joining one incident needs no clustering; bridging or splitting incidents does.
        var plan = ResolutionPlan.Joining(resolver, added, related, view.ModelOf)
                   ?? ResolutionPlan.ByClustering(clustering, added, related, view.ModelOf, CreationTimes());
        var incidents = LoadIncidents(plan.Incidents.Where(p => !p.IsNew).Select(p => p.IncidentId).Concat(plan.Absorbed.Keys).ToList());

        var before = related.GroupBy(m => m.IncidentId).ToDictionary(g => g.Key, g => g.ToList());
        view.Add(added);
        MentionOutcome? outcome = null;
        foreach (var planned in plan.Incidents)
        {
            var previous = planned.IsNew ? [] : before[planned.IncidentId];
            if (!planned.Members.Contains(added) && previous.ToHashSet().SetEquals(planned.Members)) continue;
            foreach (var member in planned.Members) view.Move(member, planned.IncidentId);
            var merged = plan.Absorbed.Where(a => a.Value == planned.IncidentId).Select(a => a.Key).ToList();
            var result = planned.IsNew
                ? Open(planned, reported.CollectedAt, now)
                : Revise(incidents[planned.IncidentId], previous, planned.Members, merged, reported.CollectedAt, now);
            if (planned.Members.Contains(added)) outcome = new MentionOutcome(result.Result, planned.IncidentId, result.Changes);
        }
        foreach (var (absorbed, into) in plan.Absorbed)
        {
            // The absorbed row stays as a pointer, so links to it keep working.
            incidents[absorbed].MergedInto = into;
            incidents[absorbed].UpdatedAt = now;
            events.Absorbed(absorbed);
        }
        return outcome!;
    }

    private MentionOutcome Open(PlannedIncident planned, DateTimeOffset collectedAt, DateTimeOffset now)
    {
        var incident = new IncidentRecord { Id = planned.IncidentId, Revision = 1, Kind = "", DenialsJson = "[]", SourcesJson = "[]", CreatedAt = now, UpdatedAt = now };
        IncidentMapping.Apply(incident, Summarize(planned.Members), planned.Members);
        db.Incidents.Add(incident);
        incidentsInBatch.Add(incident.Id, incident);
        events.Opened(incident.Id, collectedAt);
        return new MentionOutcome(MentionResult.Opened, incident.Id, []);
    }

    private MentionOutcome Revise(IncidentRecord incident, IReadOnlyList<MentionRecord> previous, IReadOnlyList<MentionRecord> members,
        IReadOnlyList<Guid> merged, DateTimeOffset collectedAt, DateTimeOffset now)
    {
        var (before, after) = (Summarize(previous), Summarize(members));
        var changes = IncidentSummary.Changes(before, after).ToList();
        if (merged.Count > 0) changes.Add("merged");
        IncidentMapping.Apply(incident, after, members);
        incident.UpdatedAt = now;
        events.Revised(incident.Id, before, after, merged, collectedAt);
        return changes.Count == 0 ? new MentionOutcome(MentionResult.Joined, incident.Id, []) : new MentionOutcome(MentionResult.Revised, incident.Id, changes);
    }

    private IncidentView Summarize(IEnumerable<MentionRecord> mentions) => IncidentSummary.Summarize(mentions.Select(view.ModelOf).ToList());

    // The batch's own view of mentions and incidents (see BatchView): the database sees none of its changes before its end.
    private BatchView view = null!;
    private BatchEvents events = null!;
    private Dictionary<Guid, IncidentRecord> incidentsInBatch = [];
    // The stored incidents around the batch's mentions, as read at its start and not tracked until a mention changes one.
    private Dictionary<Guid, IncidentRecord> storedIncidents = [];
    // The mentions the database files under each stored incident around the batch, as the batch sees them (see
    // BatchView.Know): an incident is read once per batch, however many of the batch's mentions fall around it (a
    // busy day at one place brings dozens of reports of the same few incidents together).
    private Dictionary<Guid, List<MentionRecord>> storedMembers = [];
    // Each new mention's candidate window and the stored incidents inside it, by MentionId, as the database held them
    // at the batch's start.
    private Dictionary<Guid, (CandidateWindow Window, IReadOnlyList<Guid> Incidents)> storedAround = [];
    // The neighbourhoods of a batch's mentions overlap (a busy week at one place), and so do those of a live stream's
    // batches: the session compares each pair once, and comes from a pool that keeps it, with what it knows of the
    // days the next batch works on (ClusteringSession.KeepAround), for the next batch; and the rows the last batch
    // worked on with it.
    private KeptBetweenBatches kept = null!;
    private ClusteringSession clustering = null!;

    /// <summary>
    /// Reads, for the whole batch at once, which stored incidents lie around each new mention and every mention of
    /// those incidents. The database does not change under the batch, so what each mention would have read in its
    /// turn is known at the start; mentions the batch itself adds are matched in <see cref="LoadRelated"/>.
    /// </summary>
    private async Task ReadNeighbourhoodsAsync(IReadOnlyList<IncidentReported> fresh, CancellationToken ct)
    {
        var windows = fresh.Select(m => resolver.WindowFor(MentionMapping.ToStoredMention(m))).ToList();
        // A batch of redelivered mentions only has no windows: it clusters nothing, and the session keeps what it knows.
        if (windows.Count > 0) clustering.KeepAround(windows);
        var around = await NeighbourhoodQueries.IncidentsAroundAsync(db, windows, ct);
        storedAround = fresh.Select((m, i) => KeyValuePair.Create(m.MentionId, (windows[i], around[i]))).ToDictionary();
        var incidentIds = around.SelectMany(ids => ids).Distinct().ToList();
        // Two queries, not one with a subquery: PostgreSQL cannot estimate how few incidents a window holds, and once
        // the table was large it answered the subquery form by scanning every mention (72 ms for a window of 52
        // incidents at 135,000 mentions); given the ids themselves, it looks them up.
        // The incidents' rows are read here too, untracked, and tracked only when a mention changes one (see
        // LoadIncidents): read one incident at a time as each mention needed them, they were a round trip for most of
        // a batch's mentions, a third of the batch's time at 100 articles a second.
        // Which mention is filed under which incident is read every time; the rows themselves only when the batch
        // before did not work on them (see MentionRows).
        var members = incidentIds.Count == 0 ? []
            : await db.Mentions.AsNoTracking().Where(m => incidentIds.Contains(m.IncidentId)).Select(m => new { m.MentionId, m.IncidentId }).ToListAsync(ct);
        var unknown = members.Where(m => !kept.Rows.Contains(m.MentionId)).Select(m => m.MentionId).ToList();
        var rows = unknown.Count == 0 ? [] : await db.Mentions.AsNoTracking().Where(m => unknown.Contains(m.MentionId)).ToDictionaryAsync(m => m.MentionId, ct);
        storedIncidents = incidentIds.Count == 0 ? []
            : await db.Incidents.AsNoTracking().Where(i => incidentIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        foreach (var id in incidentIds) storedMembers[id] = [];
        foreach (var member in members)
        {
            var (row, model) = rows.TryGetValue(member.MentionId, out var read) ? (read, null) : kept.Rows.CopyOf(member.MentionId, member.IncidentId);
            storedMembers[member.IncidentId].Add(view.Know(row, model));
        }
    }

    /// <summary>Every mention of every live incident that has a mention inside the resolver's candidate window, as the batch sees it.</summary>
    private List<MentionRecord> LoadRelated(Guid mentionId)
    {
        // A stored row counts with the incident id the batch gave it (BatchView.Know), and mentions the batch added
        // are matched here (the database does not have them yet).
        var (window, stored) = storedAround[mentionId];
        var incidentIds = stored.SelectMany(id => storedMembers[id]).Select(m => m.IncidentId)
            .Concat(view.IncidentsAddedIn(window)).ToHashSet();
        return incidentIds.SelectMany(view.MembersOf).ToList();
    }

    /// <summary>When each incident of the neighbourhood was opened: read with its mentions, or opened by this batch.</summary>
    private Func<Guid, DateTimeOffset> CreationTimes() =>
        id => incidentsInBatch.TryGetValue(id, out var opened) ? opened.CreatedAt : storedIncidents[id].CreatedAt;

    /// <summary>The incidents a mention changes, tracked from now on: opened by this batch or read at its start.</summary>
    private Dictionary<Guid, IncidentRecord> LoadIncidents(List<Guid> ids)
    {
        foreach (var id in ids)
        {
            if (incidentsInBatch.ContainsKey(id)) continue;
            var stored = storedIncidents[id];
            db.Incidents.Attach(stored);
            incidentsInBatch[id] = stored;
        }
        return ids.Distinct().ToDictionary(id => id, id => incidentsInBatch[id]);
    }

    public Task<IReadOnlyList<IncidentSnapshot>> ListAsync(IncidentQuery query, CancellationToken ct) => IncidentQueries.ListAsync(db, query, ct);

    public Task<IncidentDetail?> GetAsync(Guid incidentId, CancellationToken ct) => IncidentQueries.GetAsync(db, incidentId, ct);
}
