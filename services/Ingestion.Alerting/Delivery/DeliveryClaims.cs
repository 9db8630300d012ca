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
        var pending = (int)DeliveryStatus.Pending;
        var until = now + claim;
        if (db.IsPostgres)
        {
            // One statement claims the batch: through change tracking every claimed row was an UPDATE of its own.
            return await db.Deliveries.FromSqlInterpolated($"""
                UPDATE "Deliveries" SET "ClaimedUntil" = {until} WHERE "Id" IN (
                    SELECT "Id" FROM "Deliveries" WHERE "Status" = {pending} AND "NextAttemptAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
                    ORDER BY "Id" LIMIT {max} FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(ct);
        }
        // SQLite: one writer at a time, so the read and the claim need only share a transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.Deliveries.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.Id).Take(max).ToListAsync(ct);
        foreach (var delivery in due) delivery.ClaimedUntil = until;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return due;
    }
}
