namespace Ingestion.Alerting.Data;

public sealed class Subscription
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string WebhookUrl { get; set; }
    /// <summary>Standard Webhooks secret ("whsec_" + base64 key). Kept to sign; never returned after creation.</summary>
    public required string Secret { get; set; }
    /// <summary>JSON arrays; empty means any.</summary>
    public required string KindsJson { get; set; }
    public required string CountriesJson { get; set; }
    public int? MinKilled { get; set; }
    public bool NotifyRevisions { get; set; }
    public bool Enabled { get; set; } = true;
    public string? DisabledReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
