using System.Text.Json;
using Ingestion.Alerting.Data;

namespace Ingestion.Alerting.Subscriptions;

/// <summary>The body of POST /subscriptions.</summary>
public sealed record SubscriptionRequest(string? Name, string? WebhookUrl, string[]? Kinds, string[]? Countries, int? MinKilled, bool? NotifyRevisions, string? Secret)
{
    private static readonly HashSet<string> KnownKinds = ["rocket_attack", "drone_attack", "missile_attack", "airstrike", "explosion", "other_attack"];

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200) errors["name"] = ["Required, at most 200 characters"];
        if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            errors["webhookUrl"] = ["An absolute http(s) URL"];
        var unknown = (Kinds ?? []).Where(k => !KnownKinds.Contains(k)).ToList();
        if (unknown.Count > 0) errors["kinds"] = [$"Unknown kinds: {string.Join(", ", unknown)}"];
        if ((Countries ?? []).Any(c => c.Length != 2 || !c.All(char.IsAsciiLetter))) errors["countries"] = ["ISO 3166 two-letter codes"];
        if (MinKilled < 0) errors["minKilled"] = ["Zero or more"];
        if (Secret is not null && !WebhookSignature.IsValidSecret(Secret)) errors["secret"] = ["whsec_ followed by base64 of 24 to 64 bytes"];
        return errors;
    }

    public Subscription ToSubscription(DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), Name = Name!.Trim(), WebhookUrl = WebhookUrl!,
        Secret = Secret ?? WebhookSignature.NewSecret(),
        KindsJson = JsonSerializer.Serialize(Kinds ?? []),
        CountriesJson = JsonSerializer.Serialize((Countries ?? []).Select(c => c.ToUpperInvariant())),
        MinKilled = MinKilled, NotifyRevisions = NotifyRevisions ?? false, CreatedAt = now,
    };
}
