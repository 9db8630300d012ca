using Ingestion.Alerting.Subscriptions;
using Ingestion.Contracts;

namespace Ingestion.Alerting.Delivery;

/// <summary>An incident event as Alerting records it: an opening (no changes) or a revision with what it changed.</summary>
public sealed record IncidentEvent(IncidentSnapshot Incident, IReadOnlyList<string>? Changes, DateTimeOffset CollectedAt)
{
    public static IncidentEvent Of(IncidentOpened opened) => new(opened.Incident, null, opened.CollectedAt);
    public static IncidentEvent Of(IncidentRevised revised) => new(revised.Incident, revised.Changes, revised.CollectedAt);
}

/// <summary>
/// Decides which alert each matching subscription gets for an event, event after event in the order consumed.
/// The first alert a subscriber gets about an incident is its opening alert (even when the incident only came
/// to match at a later revision), and an event no newer than what a subscription already has is dropped (stale,
/// or a redelivery): so no subscriber sees a revision before the opening, or an old revision after a new one.
/// What a subscription "already has" is what was recorded before the batch plus what this decider gave it for
/// earlier events of the same batch: an opening decided a moment ago makes a later revision a revision, not a
/// second opening, and a repeat of the same event nothing.
/// </summary>
public sealed class AlertDecider(IReadOnlyDictionary<(Guid Incident, Guid Subscription), int> recorded)
{
    public const string Opened = "incident.opened", Revised = "incident.revised";

    private readonly Dictionary<(Guid Incident, Guid Subscription), int> latest = new(recorded);

    /// <summary>The alert type each of the event's candidates (see <see cref="SubscriptionMatcher.Match"/>) gets; those that get none are left out.</summary>
    public List<(MatchableSubscription Subscription, string Type)> Decide(IncidentEvent e, IReadOnlyList<MatchableSubscription> candidates)
    {
        var alerts = new List<(MatchableSubscription, string)>();
        foreach (var candidate in candidates)
        {
            var key = (e.Incident.IncidentId, candidate.Id);
            string type;
            if (latest.TryGetValue(key, out var known))
            {
                if (known >= e.Incident.Revision || e.Changes is null || !candidate.Filter.WantsRevision(e.Changes)) continue;
                type = Revised;
            }
            else type = candidate.Filter.WantsNewIncidents ? Opened : Revised;
            latest[key] = e.Incident.Revision;
            alerts.Add((candidate, type));
        }
        return alerts;
    }
}
