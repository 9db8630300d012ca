using Ingestion.Alerting.Data;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Alerting.Delivery;

/// <summary>
/// Takes due deliveries for one worker. On PostgreSQL the rows are locked with FOR UPDATE SKIP LOCKED
/// while the claim is written, so two Alerting replicas never send the same delivery at once; a claim
/// that runs out (its worker died) makes the delivery due again, so none is lost.
/// </summary>
public static class DeliveryClaims
{
    public static async Task<List<Data.Delivery>> ClaimDueAsync(AlertingDbContext db, int max, TimeSpan claim, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pending = (int)DeliveryStatus.Pending;
        var due = db.IsPostgres
            ? await db.Deliveries.FromSqlInterpolated($"""
                SELECT * FROM "Deliveries" WHERE "Status" = {pending} AND "NextAttemptAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
                ORDER BY "Id" LIMIT {max} FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct)
            : await db.Deliveries.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
                .OrderBy(d => d.Id).Take(max).ToListAsync(ct);
        foreach (var delivery in due) delivery.ClaimedUntil = now + claim;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return due;
    }
}
