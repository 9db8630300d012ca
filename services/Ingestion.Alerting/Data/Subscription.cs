namespace Ingestion.Alerting.Data;

/// <summary>A subscriber's standing order: which incidents, which events, through which channel.</summary>
public sealed class Subscription
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The API key that created it (null: the admin or configuration); that key sees only its own.</summary>
    public Guid? OwnerKeyId { get; set; }
    /// <summary>Exactly one of the two channels is set.</summary>
    public string? WebhookUrl { get; set; }
    public string? Email { get; set; }
    /// <summary>Standard Webhooks secret ("whsec_" + base64 key). Kept to sign; returned only at creation and rotation.</summary>
    public required string Secret { get; set; }
    /// <summary>After a rotation the old secret also signs until this time, so receivers can switch without a gap.</summary>
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretUntil { get; set; }
    /// <summary>The <see cref="Subscriptions.AlertFilter"/> as JSON: what to match and which events to receive.</summary>
    public required string FilterJson { get; set; }
    /// <summary>Set: alerts are gathered and sent as one digest every so many minutes.</summary>
    public int? DigestMinutes { get; set; }
    public DateTimeOffset? NextDigestAt { get; set; }
    /// <summary>Most attempts per minute to this subscriber; null: the configured default.</summary>
    public int? RateLimitPerMinute { get; set; }
    public bool Enabled { get; set; } = true;
    public string? DisabledReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>UTC ticks of the last change: with the row count, tells each replica its compiled filters are stale.</summary>
    public long ChangeStamp { get; set; }
}
