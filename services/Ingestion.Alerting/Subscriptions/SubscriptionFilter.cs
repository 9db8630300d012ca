using System.Text.Json;
using Ingestion.Alerting.Data;
using Ingestion.Contracts;

namespace Ingestion.Alerting.Subscriptions;

/// <summary>Whether an incident event concerns a subscription. Empty lists mean "any".</summary>
public static class SubscriptionFilter
{
    public static bool Matches(Subscription subscription, IncidentSnapshot incident, bool isRevision)
    {
        if (!subscription.Enabled) return false;
        if (isRevision && !subscription.NotifyRevisions) return false;
        var kinds = JsonSerializer.Deserialize<string[]>(subscription.KindsJson) ?? [];
        if (kinds.Length > 0 && !kinds.Contains(incident.Kind, StringComparer.Ordinal)) return false;
        var countries = JsonSerializer.Deserialize<string[]>(subscription.CountriesJson) ?? [];
        if (countries.Length > 0 && !countries.Contains(incident.Place?.Country, StringComparer.OrdinalIgnoreCase)) return false;
        if (subscription.MinKilled is { } min && (incident.Killed ?? 0) < min) return false;
        return true;
    }
}
