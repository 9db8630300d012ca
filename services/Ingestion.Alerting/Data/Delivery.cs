namespace Ingestion.Alerting.Data;

/// <summary>Pending: to send. Queued: waits for its subscription's digest. Digested: sent inside digest <see cref="Delivery.DigestId"/>.</summary>
public enum DeliveryStatus { Pending, Delivered, Failed, Queued, Digested }

/// <summary>One alert for one subscription, recorded before it is attempted so that a crash loses nothing.</summary>
public sealed class Delivery
{
    public long Id { get; set; }
    public Guid SubscriptionId { get; set; }
    /// <summary>Guid.Empty for a digest, whose Revision is then its window number.</summary>
    public Guid IncidentId { get; set; }
    public int Revision { get; set; }
    public required string EventType { get; set; }
    public required string Payload { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>A worker holds the delivery until then; a crashed worker's claim runs out and another takes it.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
    public int? ResponseCode { get; set; }
    public long? DigestId { get; set; }
    public string? TraceParent { get; set; }
    public DateTimeOffset CollectedAt { get; set; }
    /// <summary>When the outlet published the first article behind the incident (null when unknown).</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The webhook-id: stable across retries and restarts, so receivers can drop a repeat.</summary>
    public string MessageId => IncidentId == Guid.Empty ? $"{SubscriptionId:N}-digest-{Revision}" : $"{SubscriptionId:N}-{IncidentId:N}-{Revision}";
}
