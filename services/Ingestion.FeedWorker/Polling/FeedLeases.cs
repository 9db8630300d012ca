using Ingestion.FeedWorker.Data;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.FeedWorker.Polling;

/// <summary>
/// Claims due feeds for one worker replica. On PostgreSQL the due rows are locked with
/// FOR UPDATE SKIP LOCKED while the lease is written, so two replicas never take the same feed; a lease
/// that expires (its worker died) makes the feed due again, so no feed is missed.
/// </summary>
public static class FeedLeases
{
    public static async Task<List<FeedRecord>> ClaimDueAsync(FeedsDbContext db, string owner, int max, TimeSpan lease, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = db.IsPostgres
            ? await db.Feeds.FromSqlInterpolated($"""
                SELECT * FROM "Feeds" WHERE "Enabled" AND "NextPollAt" <= {now} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                ORDER BY "NextPollAt" LIMIT {max} FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct)
            : await db.Feeds.Where(f => f.Enabled && f.NextPollAt <= now && (f.LeaseUntil == null || f.LeaseUntil < now))
                .OrderBy(f => f.NextPollAt).Take(max).ToListAsync(ct);
        foreach (var feed in due)
        {
            feed.LeaseOwner = owner;
            feed.LeaseUntil = now + lease;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return due;
    }
}
