namespace Ingestion.Alerting;

/// <summary>Section "Alerting".</summary>
public sealed class AlertingOptions
{
    public const string Section = "Alerting";
    /// <summary>Admin key (header X-Api-Key): manages API keys and every subscription. Unset: only stored subscriber keys work.</summary>
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
    /// <summary>Attempts per minute to one subscriber when the subscription sets none.</summary>
    public int DefaultRateLimitPerMinute { get; set; } = 120;
    /// <summary>Subscribers served at once; one subscriber's alerts always go one after another, in order.</summary>
    public int DeliveryConcurrency { get; set; } = 16;
    /// <summary>How long a worker holds the deliveries it took; a crashed worker's deliveries fall due again after it.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>How often digests falling due are looked for.</summary>
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>How long this process's stream queue stays bound after its last stream client left.</summary>
    public TimeSpan StreamQueueLinger { get; set; } = TimeSpan.FromMinutes(1);
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>Subscriptions created at start-up when missing (by name), e.g. the embedded demo's receiver.</summary>
    public List<SubscriptionSeed> Subscriptions { get; set; } = [];
}

/// <summary>Section "Alerting:Smtp": the relay e-mail alerts go through. Unset host: e-mail deliveries fail with that reason.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>STARTTLS: upgrade the connection before credentials or mail are sent.</summary>
    public bool StartTls { get; set; } = true;
    public string? Username { get; set; }
    public string? Password { get; set; }
    /// <summary>
    /// SHA-256 (hex, colons allowed) of a relay certificate to trust although no trusted root vouches for it
    /// (self-signed, private CA). Host name and validity are still checked; no setting accepts any certificate.
    /// </summary>
    public string? TrustedCertificateSha256 { get; set; }
    public string From { get; set; } = "alerts@localhost";
    public string FromName { get; set; } = "Ingestion alerts";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class SubscriptionSeed
{
    public string Name { get; set; } = "";
    public string? WebhookUrl { get; set; }
    public string? Email { get; set; }
    public string? Secret { get; set; }
    public List<string> Kinds { get; set; } = [];
    public List<string> Countries { get; set; } = [];
    public bool NotifyRevisions { get; set; } = true;
}
