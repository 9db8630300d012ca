using Ingestion.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Store.Data;

internal static class IncidentQueries
{
    public static async Task<IReadOnlyList<IncidentSnapshot>> ListAsync(StoreDbContext db, IncidentQuery q, CancellationToken ct)
    {
        var incidents = db.Incidents.AsNoTracking().Where(i => i.MergedInto == null);
        if (q.From is { } from) incidents = incidents.Where(i => (i.Date ?? i.FirstSeen) >= from);
        if (q.To is { } to) incidents = incidents.Where(i => (i.Date ?? i.FirstSeen) <= to);
        if (q.Kind is { } kind) incidents = incidents.Where(i => i.Kind == kind);
        if (q.Country is { } country) incidents = incidents.Where(i => i.Country == country);
        var rows = await incidents
            .OrderByDescending(i => i.Date ?? i.FirstSeen).ThenBy(i => i.Id)
            .Skip(q.Offset).Take(q.Limit)
            .ToListAsync(ct);
        return rows.Select(IncidentMapping.ToSnapshot).ToList();
    }

    public static async Task<IncidentDetail?> GetAsync(StoreDbContext db, Guid id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null) return null;
        var mentions = await db.Mentions.AsNoTracking()
            .Where(m => m.IncidentId == (incident.MergedInto ?? incident.Id))
            .OrderBy(m => m.Published).ThenBy(m => m.Source)
            .ToListAsync(ct);
        return new IncidentDetail(IncidentMapping.ToSnapshot(incident), mentions.Select(MentionMapping.ToView).ToList(), incident.MergedInto);
    }
}
