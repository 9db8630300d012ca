using System.Net.Mail;
using System.Text.Json;
using Ingestion.Alerting.Data;

namespace Ingestion.Alerting.Subscriptions;

/// <summary>The body of POST /subscriptions and PUT /subscriptions/{id} (a PUT replaces every setting but the secret).</summary>
public sealed record SubscriptionRequest
{
    public string? Name { get; init; }
    public string? WebhookUrl { get; init; }
    public string? Email { get; init; }
    /// <summary>Optional at creation ("whsec_" + base64); generated otherwise. Ignored by PUT: rotate instead.</summary>
    public string? Secret { get; init; }
    public string[]? Kinds { get; init; }
    public string[]? Countries { get; init; }
    public string[]? Places { get; init; }
    public GeoCircle? Near { get; init; }
    public GeoBox? Box { get; init; }
    public string[]? Attackers { get; init; }
    public string[]? Targets { get; init; }
    public int? MinKilled { get; init; }
    public int? MinWounded { get; init; }
    public int? MinSources { get; init; }
    public double? MinConfidence { get; init; }
    public bool? NewIncidents { get; init; }
    public string[]? Revisions { get; init; }
    /// <summary>Shorthand for every kind of revision.</summary>
    public bool? NotifyRevisions { get; init; }
    public int? DigestMinutes { get; init; }
    public int? RateLimitPerMinute { get; init; }
    public bool? Enabled { get; init; }

    public AlertFilter ToFilter() => new AlertFilter
    {
        Kinds = Kinds ?? [], Countries = Countries ?? [], Places = Places ?? [], Near = Near, Box = Box,
        Attackers = Attackers ?? [], Targets = Targets ?? [],
        MinKilled = MinKilled, MinWounded = MinWounded, MinSources = MinSources, MinConfidence = MinConfidence,
        NewIncidents = NewIncidents ?? true,
        Revisions = Revisions ?? (NotifyRevisions == true ? [.. AlertFilter.KnownChanges] : []),
    }.Normalized();

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200) errors["name"] = ["Required, at most 200 characters"];
        if ((WebhookUrl is null) == (Email is null)) errors["channel"] = ["Give exactly one of webhookUrl and email"];
        if (WebhookUrl is not null && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
            errors["webhookUrl"] = ["An absolute http(s) URL"];
        if (Email is not null && (Email.Length > 254 || !MailAddress.TryCreate(Email, out _))) errors["email"] = ["An e-mail address"];
        if (Secret is not null && !WebhookSignature.IsValidSecret(Secret)) errors["secret"] = ["whsec_ followed by base64 of 24 to 64 bytes"];
        if (DigestMinutes is < 1 or > 1440) errors["digestMinutes"] = ["1 to 1440"];
        if (RateLimitPerMinute is < 1 or > 6000) errors["rateLimitPerMinute"] = ["1 to 6000"];
        ToFilter().Validate(errors);
        return errors;
    }

    public Subscription ToSubscription(Guid? owner, DateTimeOffset now)
    {
        var subscription = new Subscription { Id = Guid.NewGuid(), Name = "", Secret = Secret ?? WebhookSignature.NewSecret(), FilterJson = "{}", OwnerKeyId = owner, CreatedAt = now };
        ApplyTo(subscription, now);
        return subscription;
    }

    public void ApplyTo(Subscription s, DateTimeOffset now)
    {
        s.Name = Name!.Trim();
        s.WebhookUrl = WebhookUrl;
        s.Email = Email;
        s.FilterJson = JsonSerializer.Serialize(ToFilter(), AlertFilterJson.Options);
        if (s.DigestMinutes != DigestMinutes) s.NextDigestAt = DigestMinutes is { } m ? now.AddMinutes(m) : null;
        s.DigestMinutes = DigestMinutes;
        s.RateLimitPerMinute = RateLimitPerMinute;
        if (Enabled is { } enabled && enabled != s.Enabled)
        {
            s.Enabled = enabled;
            s.DisabledReason = enabled ? null : "disabled over the API";
        }
        s.ChangeStamp = now.UtcTicks;
    }
}

public static class AlertFilterJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static AlertFilter Read(string json) => JsonSerializer.Deserialize<AlertFilter>(json, Options) ?? new AlertFilter();
}
