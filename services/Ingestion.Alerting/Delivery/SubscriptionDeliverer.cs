using System.Diagnostics;
using Ingestion.Alerting.Data;
using Ingestion.Alerting.Email;
using Ingestion.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Delivery;

/// <summary>
/// Sends one subscription's claimed deliveries in order and records each outcome at once (a crash between
/// the receiver's 2xx and this write makes the delivery go again: at least once, with a stable webhook-id).
/// A revision waits while an earlier alert of its incident is still pending; the subscription's rate limit
/// postpones what exceeds it without counting an attempt. No send starts that could outlast its claim.
/// </summary>
public sealed partial class SubscriptionDeliverer(AlertingDbContext db, WebhookSender webhooks, EmailSender email, IOptions<AlertingOptions> options,
    TimeProvider time, ILogger<SubscriptionDeliverer> logger)
{
    private static readonly Random Jitter = Random.Shared;

    public async Task DeliverAsync(Guid subscriptionId, IReadOnlyList<long> ids, CancellationToken ct)
    {
        // Every outcome is saved on its own while up to a batch of deliveries is tracked: EF Core's automatic scan of
        // all of them at each save made a batch's saves quadratic (a sixth of Alerting's CPU samples in the load
        // run), so each save names what it changed (SaveAsync).
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var deliveries = await db.Deliveries.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(ct);
        var subscription = await db.Subscriptions.FindAsync([subscriptionId], ct);
        var now = time.GetUtcNow();
        if (subscription is not { Enabled: true })
        {
            foreach (var d in deliveries) Finish(d, DeliveryStatus.Failed, "subscription disabled or deleted");
            await SaveAsync(deliveries, ct);
            return;
        }
        var limit = subscription.RateLimitPerMinute ?? options.Value.DefaultRateLimitPerMinute;
        var windowStart = now.AddMinutes(-1);
        var budget = limit - await db.Deliveries.CountAsync(d => d.SubscriptionId == subscriptionId && d.LastAttemptAt > windowStart, ct);
        var incidents = deliveries.Select(d => d.IncidentId).Distinct().ToList();
        var earlier = await db.Deliveries.AsNoTracking()
            .Where(d => d.SubscriptionId == subscriptionId && d.Status == DeliveryStatus.Pending && incidents.Contains(d.IncidentId))
            .Select(d => new { d.Id, d.IncidentId, d.Revision, d.NextAttemptAt }).ToListAsync(ct);
        var done = new HashSet<long>();
        var postponed = 0;
        try { await SendInOrderAsync(); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: hand back what was not sent, so the next start (or another replica) takes it at once.
            foreach (var d in deliveries.Where(d => d.Status == DeliveryStatus.Pending)) d.ClaimedUntil = null;
            await SaveAsync(deliveries, CancellationToken.None);
            throw;
        }

        async Task SendInOrderAsync()
        {
        var longestSend = subscription.Email is null ? options.Value.WebhookTimeout : options.Value.Smtp.Timeout;
        foreach (var delivery in deliveries)
        {
            now = time.GetUtcNow();
            if (delivery.ClaimedUntil is { } claimedUntil && now + longestSend >= claimedUntil)
            {
                // This send could outlast the claim, and another replica may take a delivery whose claim ran out:
                // it would be sent twice. What is left is handed back, due at once, for the next claim.
                foreach (var left in deliveries.Where(d => d.Status == DeliveryStatus.Pending && d.ClaimedUntil is not null)) left.ClaimedUntil = null;
                await SaveAsync(deliveries, CancellationToken.None);
                break;
            }
            var blocker = earlier.Where(e => e.IncidentId == delivery.IncidentId && e.Revision < delivery.Revision && !done.Contains(e.Id))
                .OrderBy(e => e.NextAttemptAt).FirstOrDefault();
            if (blocker is not null || budget <= 0)
            {
                // Not an attempt: due again when its blocker is, or when the rate window has room.
                delivery.ClaimedUntil = null;
                delivery.NextAttemptAt = blocker is not null ? Max(blocker.NextAttemptAt, now)
                    : now + TimeSpan.FromSeconds(60.0 / limit * ++postponed);
                await SaveAsync([delivery], CancellationToken.None);
                continue;
            }
            budget--;
            await AttemptAsync(subscription, delivery, ct);
            if (delivery.Status != DeliveryStatus.Pending) done.Add(delivery.Id);
            // Recorded before the next send; not cancellable, so a stop never drops the outcome of a finished send.
            await SaveAsync([delivery, subscription], CancellationToken.None);
            if (!subscription.Enabled) break;
        }
        }
    }

    /// <summary>Saves the changes of the entities given, and only theirs (automatic detection is off, see above).</summary>
    private Task SaveAsync(IEnumerable<object> changed, CancellationToken ct)
    {
        foreach (var entity in changed) db.Entry(entity).DetectChanges();
        return db.SaveChangesAsync(ct);
    }

    private async Task AttemptAsync(Subscription subscription, Data.Delivery delivery, CancellationToken ct)
    {
        var channel = subscription.Email is null ? "webhook" : "email";
        ActivityContext.TryParse(delivery.TraceParent, null, out var parent);
        using var activity = IngestionTelemetry.Source.StartActivity($"deliver {channel}", ActivityKind.Client, parent);
        activity?.SetTag("incident.id", delivery.IncidentId);
        activity?.SetTag("subscription.id", subscription.Id);
        var result = channel == "email" ? await email.SendAsync(subscription, delivery, ct) : await webhooks.SendAsync(subscription, delivery, ct);
        var now = time.GetUtcNow();
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.ClaimedUntil = null;
        delivery.ResponseCode = result.StatusCode;
        string outcome;
        if (result.Delivered)
        {
            Finish(delivery, DeliveryStatus.Delivered, null);
            delivery.DeliveredAt = now;
            outcome = "delivered";
            IngestionTelemetry.CollectedToAlerted.Record((now - delivery.CollectedAt).TotalSeconds);
            if (delivery.PublishedAt is { } published) IngestionTelemetry.PublishedToAlerted.Record((now - published).TotalSeconds);
        }
        else if (result.StatusCode == 410 && channel == "webhook")
        {
            // 410 Gone: the receiver asks never to be called again.
            subscription.Enabled = false;
            subscription.DisabledReason = "receiver answered 410 Gone";
            subscription.ChangeStamp = now.UtcTicks;
            Finish(delivery, DeliveryStatus.Failed, result.Error);
            outcome = "disabled";
        }
        else if (delivery.Attempts >= options.Value.MaxAttempts) { Finish(delivery, DeliveryStatus.Failed, result.Error); outcome = "failed"; }
        else
        {
            delivery.LastError = result.Error;
            var o = options.Value;
            delivery.NextAttemptAt = now + RetryPolicy.NextDelay(delivery.Attempts, o.FirstRetryDelay, o.MaxRetryDelay, result.RetryAfter, Jitter);
            outcome = "retry";
        }
        IngestionTelemetry.AlertsDelivered.Add(1, new TagList { { "outcome", outcome }, { "channel", channel } });
        if (!result.Delivered)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Error);
            LogAttemptFailed(subscription.Name, delivery.MessageId, delivery.Attempts, result.Error ?? "?", outcome);
        }
    }

    private static void Finish(Data.Delivery delivery, DeliveryStatus status, string? error)
    {
        delivery.Status = status;
        delivery.LastError = error;
        delivery.ClaimedUntil = null;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(LogLevel.Warning, "Alert to {Subscription} ({AlertId}), attempt {Attempts}, failed: {Error} ({Outcome})")]
    private partial void LogAttemptFailed(string subscription, string alertId, int attempts, string error, string outcome);
}
