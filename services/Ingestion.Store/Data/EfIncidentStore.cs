using Ingestion.Contracts;
using Ingestion.Resolution;
using Ingestion.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Store.Data;

/// <summary>
/// The incident store on EF Core (PostgreSQL or SQLite). Resolution runs the resolver's own batch
/// clustering over the new mention and every stored incident that could match it, so the Store
/// and `ingest extract` agree on what one incident is.
/// </summary>
public sealed class EfIncidentStore(StoreDbContext db, IncidentResolver resolver, OutboxSignal<StoreDbContext> outbox, TimeProvider time) : IIncidentStore
{
    public async Task<MentionOutcome> RecordMentionAsync(IncidentReported reported, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One resolution at a time per database: two mentions of one incident resolved concurrently would
        // each open an incident. Replicas of the Store serialise here; SQLite's writer lock does it there.
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7261001)", ct);

        var existing = await db.Mentions.AsNoTracking().FirstOrDefaultAsync(m => m.MentionId == reported.MentionId, ct);
        if (existing is not null) return new MentionOutcome(MentionResult.AlreadyRecorded, existing.IncidentId, []);

        var now = time.GetUtcNow();
        var mention = MentionMapping.ToMention(reported);
        var related = await LoadRelatedIncidentsAsync(mention, ct);
        var plan = ResolutionPlan.For(resolver, mention, related);

        var outcome = plan.OpensIncident
            ? Open(reported, now)
            : await JoinAsync(reported, plan, related, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        outbox.Notify();
        return outcome;
    }

    private MentionOutcome Open(IncidentReported reported, DateTimeOffset now)
    {
        var incident = new IncidentRecord { Id = Guid.NewGuid(), Revision = 1, Kind = reported.Kind, DenialsJson = "[]", SourcesJson = "[]", CreatedAt = now, UpdatedAt = now };
        var record = MentionMapping.ToRecord(reported, incident.Id, now);
        IncidentMapping.Apply(incident, IncidentSummary.Summarize([MentionMapping.ToMention(record)]), [record]);
        db.Incidents.Add(incident);
        db.Mentions.Add(record);
        db.Enqueue(new IncidentOpened { Incident = IncidentMapping.ToSnapshot(incident), CollectedAt = reported.CollectedAt }, now);
        return new MentionOutcome(MentionResult.Opened, incident.Id, []);
    }

    private async Task<MentionOutcome> JoinAsync(IncidentReported reported, ResolutionPlan plan, IReadOnlyDictionary<Guid, List<MentionRecord>> related, DateTimeOffset now, CancellationToken ct)
    {
        var incidents = await db.Incidents.Where(i => plan.Incidents.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        // The oldest incident survives a merge: its id is the one subscribers and links already know.
        var survivor = incidents.Values.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).First();
        var survivorId = survivor.Id;
        var before = IncidentSummary.Summarize(related[survivorId].Select(MentionMapping.ToMention).ToList());

        var all = new List<MentionRecord>(related[survivorId]);
        foreach (var absorbed in plan.Incidents.Where(id => id != survivorId))
        {
            // Mentions move to the survivor; the absorbed row stays as a pointer so old links still resolve.
            foreach (var moved in related[absorbed]) moved.IncidentId = survivorId;
            all.AddRange(related[absorbed]);
            incidents[absorbed].MergedInto = survivorId;
            incidents[absorbed].UpdatedAt = now;
        }
        var record = MentionMapping.ToRecord(reported, survivorId, now);
        db.Mentions.Add(record);
        all.Add(record);

        var after = IncidentSummary.Summarize(all.Select(MentionMapping.ToMention).ToList());
        var changes = IncidentSummary.Changes(before, after).ToList();
        var merged = plan.Incidents.Where(id => id != survivorId).ToList();
        if (merged.Count > 0) changes.Add("merged");
        IncidentMapping.Apply(survivor, after, all);
        survivor.UpdatedAt = now;
        if (changes.Count == 0) return new MentionOutcome(MentionResult.Joined, survivorId, []);

        survivor.Revision++;
        db.Enqueue(new IncidentRevised { Incident = IncidentMapping.ToSnapshot(survivor), Changes = changes, MergedIncidentIds = merged, CollectedAt = reported.CollectedAt }, now);
        return new MentionOutcome(MentionResult.Revised, survivorId, changes);
    }

    /// <summary>Every live incident with a mention inside the resolver's candidate window, with all its mentions (tracked).</summary>
    private async Task<Dictionary<Guid, List<MentionRecord>>> LoadRelatedIncidentsAsync(IncidentMention mention, CancellationToken ct)
    {
        var w = resolver.WindowFor(mention);
        var nearby = db.Mentions.Where(m => m.AnchorDate >= w.From && m.AnchorDate <= w.To && m.Lat != null);
        nearby = w.OnlyCountry is { } only ? nearby.Where(m => m.Country == only)
            : nearby.Where(m => (m.Lat >= w.MinLat && m.Lat <= w.MaxLat && m.Lon >= w.MinLon && m.Lon <= w.MaxLon)
                || (w.CountryLevelCountry != null && m.Country == w.CountryLevelCountry && m.Precision == "country"));
        var incidentIds = await nearby.Select(m => m.IncidentId).Distinct().ToListAsync(ct);
        var mentions = await db.Mentions.Where(m => incidentIds.Contains(m.IncidentId)).ToListAsync(ct);
        return mentions.GroupBy(m => m.IncidentId).ToDictionary(g => g.Key, g => g.ToList());
    }

    public Task<IReadOnlyList<IncidentSnapshot>> ListAsync(IncidentQuery query, CancellationToken ct) => IncidentQueries.ListAsync(db, query, ct);

    public Task<IncidentDetail?> GetAsync(Guid incidentId, CancellationToken ct) => IncidentQueries.GetAsync(db, incidentId, ct);
}
