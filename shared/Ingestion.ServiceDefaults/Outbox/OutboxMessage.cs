namespace Ingestion.ServiceDefaults.Outbox;

/// <summary>A message written in the same transaction as the state change that causes it, published later by the relay.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string MessageType { get; set; }
    public required string Payload { get; set; }
    /// <summary>W3C traceparent of the activity that wrote it: the trace goes on across the relay.</summary>
    public string? TraceParent { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
