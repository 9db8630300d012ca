using System.Text.Json;
using Ingestion.Alerting.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Delivery;

/// <summary>
/// Turns each digest subscription's queued alerts into one delivery every N minutes. The digest and the
/// marking of its items are one transaction, and the digest's key is its window, so two replicas closing
/// the same window make one digest (the other hits the unique key and rolls back).
/// </summary>
public sealed partial class DigestWorker(IServiceScopeFactory scopes, DeliverySignal signal, IOptions<AlertingOptions> options,
    TimeProvider time, ILogger<DigestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DigestCheckInterval, time);
        do
        {
            try { await CloseDueWindowsAsync(stoppingToken); }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested) { LogFailed(error.Message); }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }

    public async Task CloseDueWindowsAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AlertingDbContext>();
        var now = time.GetUtcNow();
        var due = await db.Subscriptions.Where(s => s.Enabled && s.DigestMinutes != null && s.NextDigestAt <= now).Select(s => s.Id).ToListAsync(ct);
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var subscription = await db.Subscriptions.SingleAsync(s => s.Id == id, ct);
            var windowEnd = subscription.NextDigestAt!.Value;
            var items = await db.Deliveries.Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Queued).OrderBy(d => d.Id).ToListAsync(ct);
            subscription.NextDigestAt = Later(windowEnd.AddMinutes(subscription.DigestMinutes!.Value), now);
            if (items.Count > 0)
            {
                var alerts = items.Select(i => JsonSerializer.Deserialize<AlertPayload>(i.Payload, AlertPayload.Json)!).ToList();
                var digest = new Data.Delivery
                {
                    SubscriptionId = id, IncidentId = Guid.Empty, Revision = (int)(windowEnd.ToUnixTimeSeconds() / 60),
                    EventType = DigestPayload.Type, Status = DeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now,
                    CollectedAt = items.Min(i => i.CollectedAt), PublishedAt = items.Min(i => i.PublishedAt), TraceParent = items[0].TraceParent,
                    Payload = JsonSerializer.Serialize(new DigestPayload(windowEnd.AddMinutes(-subscription.DigestMinutes.Value), windowEnd, alerts), AlertPayload.Json),
                };
                db.Deliveries.Add(digest);
                await db.SaveChangesAsync(ct);
                foreach (var item in items) (item.Status, item.DigestId) = (DeliveryStatus.Digested, digest.Id);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        if (due.Count > 0) signal.Notify();
    }

    // After a long stop, the next window starts from now rather than replaying every missed one.
    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(LogLevel.Warning, "Closing digests failed, will retry: {Reason}")]
    private partial void LogFailed(string reason);
}
