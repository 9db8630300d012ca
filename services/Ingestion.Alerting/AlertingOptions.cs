namespace Ingestion.Alerting;

/// <summary>Section "Alerting".</summary>
public sealed class AlertingOptions
{
    public const string Section = "Alerting";
    /// <summary>Key for the subscriptions API (header X-Api-Key). Unset: the API refuses every call.</summary>
    public string? AdminApiKey { get; set; }
    /// <summary>Base of the read API, for the incident link in each alert.</summary>
    public string StoreBaseUrl { get; set; } = "http://localhost:8081";
    /// <summary>Webhooks to private or loopback addresses are refused unless this is set.</summary>
    public bool AllowPrivateWebhooks { get; set; }
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Attempts before a delivery is given up: with the backoff below, about a day.</summary>
    public int MaxAttempts { get; set; } = 18;
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(4);
    /// <summary>Subscriptions created at start-up when missing (by name), e.g. the embedded demo's receiver.</summary>
    public List<SubscriptionSeed> Subscriptions { get; set; } = [];
}

public sealed class SubscriptionSeed
{
    public string Name { get; set; } = "";
    public string WebhookUrl { get; set; } = "";
    public string? Secret { get; set; }
    public List<string> Kinds { get; set; } = [];
    public List<string> Countries { get; set; } = [];
}
