using Ingestion.Alerting.Data;
using Ingestion.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Alerting.Subscriptions;

/// <summary>A subscription ready to match: its compiled filter and what its alerts need.</summary>
public sealed record MatchableSubscription(Guid Id, CompiledFilter Filter, bool Digest);

/// <summary>
/// Every enabled subscription, compiled once and kept in memory. Each event first asks the database
/// for a cheap stamp (row count and latest change), so a change made through any replica is seen by the
/// next event here without reloading thousands of rows per event.
/// </summary>
public sealed class SubscriptionMatcher
{
    private readonly SemaphoreSlim reload = new(1, 1);
    private (int Count, long Stamp) loadedStamp = (-1, -1);
    private IReadOnlyList<MatchableSubscription> compiled = [];

    public async Task<IReadOnlyList<MatchableSubscription>> CurrentAsync(AlertingDbContext db, CancellationToken ct)
    {
        var stamp = await StampAsync(db, ct);
        if (stamp == loadedStamp) return compiled;
        await reload.WaitAsync(ct);
        try
        {
            if (stamp == loadedStamp) return compiled;
            var rows = await db.Subscriptions.AsNoTracking().Where(s => s.Enabled)
                .Select(s => new { s.Id, s.FilterJson, s.DigestMinutes }).ToListAsync(ct);
            compiled = rows.Select(r => new MatchableSubscription(r.Id, new CompiledFilter(AlertFilterJson.Read(r.FilterJson)), r.DigestMinutes is not null)).ToList();
            loadedStamp = stamp;
            return compiled;
        }
        finally { reload.Release(); }
    }

    /// <summary>The subscriptions an event concerns: an opening (changes empty) or a revision with its changes.</summary>
    public static List<MatchableSubscription> Match(IReadOnlyList<MatchableSubscription> subscriptions, IncidentSnapshot incident, IReadOnlyList<string>? changes)
    {
        var matching = new List<MatchableSubscription>();
        foreach (var s in subscriptions)
        {
            var wanted = changes is null ? s.Filter.WantsNewIncidents : s.Filter.WantsRevision(changes) || s.Filter.WantsNewIncidents;
            if (wanted && s.Filter.Matches(incident)) matching.Add(s);
        }
        return matching;
    }

    private static async Task<(int, long)> StampAsync(AlertingDbContext db, CancellationToken ct)
    {
        // One group, or none when there is no subscription (Single: First without an order made EF Core log a warning at every start).
        var stamp = await db.Subscriptions.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Max = g.Max(s => s.ChangeStamp) }).SingleOrDefaultAsync(ct);
        return stamp is null ? (0, 0) : (stamp.Count, stamp.Max);
    }
}
