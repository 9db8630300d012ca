using System.Diagnostics;
using Ingestion.Alerting.Data;
using Ingestion.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Delivery;

/// <summary>
/// Sends due deliveries and records each outcome. Deliveries of one incident to one subscription go in
/// revision order: a revision waits while the alert that opened the incident is still pending.
/// </summary>
public sealed partial class DeliveryWorker(IServiceScopeFactory scopes, DeliverySignal signal, IOptions<AlertingOptions> options,
    TimeProvider time, ILogger<DeliveryWorker> logger) : BackgroundService
{
    private readonly Random jitter = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await DeliverDueAsync(stoppingToken); }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested) { LogLoopFailed(error.Message); }
            await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
        }
    }

    private async Task DeliverDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AlertingDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<WebhookSender>();
        var now = time.GetUtcNow();
        var due = await db.Deliveries.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.Id).Take(100).ToListAsync(ct);
        foreach (var delivery in due)
        {
            var blocked = await db.Deliveries.AnyAsync(d => d.SubscriptionId == delivery.SubscriptionId && d.IncidentId == delivery.IncidentId
                && d.Revision < delivery.Revision && d.Status == DeliveryStatus.Pending, ct);
            if (blocked) continue;
            var subscription = await db.Subscriptions.FindAsync([delivery.SubscriptionId], ct);
            if (subscription is not { Enabled: true }) { Finish(delivery, DeliveryStatus.Failed, "subscription disabled or deleted"); continue; }
            await AttemptAsync(sender, subscription, delivery, ct);
            await db.SaveChangesAsync(ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task AttemptAsync(WebhookSender sender, Subscription subscription, Data.Delivery delivery, CancellationToken ct)
    {
        ActivityContext.TryParse(delivery.TraceParent, null, out var parent);
        using var activity = IngestionTelemetry.Source.StartActivity("deliver webhook", ActivityKind.Client, parent);
        activity?.SetTag("incident.id", delivery.IncidentId);
        activity?.SetTag("subscription.id", subscription.Id);
        delivery.Attempts++;
        var result = await sender.SendAsync(subscription, delivery, ct);
        delivery.ResponseCode = result.StatusCode;
        var now = time.GetUtcNow();
        if (result.Delivered)
        {
            Finish(delivery, DeliveryStatus.Delivered, null);
            delivery.DeliveredAt = now;
            IngestionTelemetry.AlertsDelivered.Add(1, new TagList { { "outcome", "delivered" } });
            IngestionTelemetry.CollectedToAlerted.Record((now - delivery.CollectedAt).TotalSeconds);
            return;
        }
        activity?.SetStatus(ActivityStatusCode.Error, result.Error);
        if (result.StatusCode == 410)
        {
            // 410 Gone: the receiver asks never to be called again.
            subscription.Enabled = false;
            subscription.DisabledReason = "receiver answered 410 Gone";
            Finish(delivery, DeliveryStatus.Failed, result.Error);
        }
        else if (delivery.Attempts >= options.Value.MaxAttempts) Finish(delivery, DeliveryStatus.Failed, result.Error);
        else
        {
            delivery.LastError = result.Error;
            var o = options.Value;
            delivery.NextAttemptAt = now + RetryPolicy.NextDelay(delivery.Attempts, o.FirstRetryDelay, o.MaxRetryDelay, result.RetryAfter, jitter);
        }
        var outcome = delivery.Status == DeliveryStatus.Failed ? "failed" : "retry";
        IngestionTelemetry.AlertsDelivered.Add(1, new TagList { { "outcome", outcome } });
        LogAttemptFailed(subscription.Name, delivery.IncidentId, delivery.Attempts, result.Error ?? "?", outcome);
    }

    private static void Finish(Data.Delivery delivery, DeliveryStatus status, string? error)
    {
        delivery.Status = status;
        delivery.LastError = error;
    }

    [LoggerMessage(LogLevel.Warning, "Delivery loop failed, will retry: {Reason}")]
    private partial void LogLoopFailed(string reason);

    [LoggerMessage(LogLevel.Warning, "Webhook for {Subscription}, incident {IncidentId}, attempt {Attempts} failed: {Error} ({Outcome})")]
    private partial void LogAttemptFailed(string subscription, Guid incidentId, int attempts, string error, string outcome);
}
