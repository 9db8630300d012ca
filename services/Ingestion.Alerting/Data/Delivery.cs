namespace Ingestion.Alerting.Data;

public enum DeliveryStatus { Pending, Delivered, Failed }

/// <summary>One alert for one subscription, recorded before it is attempted so that a crash loses nothing.</summary>
public sealed class Delivery
{
    public long Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid IncidentId { get; set; }
    public int Revision { get; set; }
    public required string EventType { get; set; }
    public required string Payload { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public int? ResponseCode { get; set; }
    public string? TraceParent { get; set; }
    public DateTimeOffset CollectedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
