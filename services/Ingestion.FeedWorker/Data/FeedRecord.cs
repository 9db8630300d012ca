namespace Ingestion.FeedWorker.Data;

/// <summary>A polled feed with its schedule, lease and health. Failing feeds are polled less often, never dropped.</summary>
public sealed class FeedRecord
{
    public Guid Id { get; set; }
    public required string Url { get; set; }
    public required string Name { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset NextPollAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public DateTimeOffset? LastPolledAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveErrors { get; set; }
    public long ItemsSeen { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
