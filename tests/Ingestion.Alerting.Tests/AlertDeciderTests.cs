using Ingestion.Alerting.Delivery;
using Ingestion.Alerting.Subscriptions;
using static Ingestion.Alerting.Tests.Incidents;

namespace Ingestion.Alerting.Tests;

/// <summary>The decision of which alert each subscription gets, event after event in one batch, without a database.</summary>
public sealed class AlertDeciderTests
{
    private static readonly MatchableSubscription Everything = Subscription(new AlertFilter { Revisions = [.. AlertFilter.KnownChanges] });
    private static readonly MatchableSubscription CasualtiesOnly = Subscription(new AlertFilter { Revisions = ["casualties"] });
    private static readonly IReadOnlyList<MatchableSubscription> Subscriptions = [Everything, CasualtiesOnly];

    private static MatchableSubscription Subscription(AlertFilter filter) => new(Guid.NewGuid(), new CompiledFilter(filter.Normalized()), Digest: false);

    private static IncidentEvent Opening(Ingestion.Contracts.IncidentSnapshot incident) => new(incident, null, DateTimeOffset.UtcNow);

    private static IncidentEvent Revision(Ingestion.Contracts.IncidentSnapshot incident, int revision, params string[] changes) =>
        new(incident with { Revision = revision }, changes, DateTimeOffset.UtcNow);

    /// <summary>What each subscription gets for the event, as "everything opened" / "casualties revised".</summary>
    private static List<string> Decide(AlertDecider decider, IncidentEvent e) =>
        decider.Decide(e, SubscriptionMatcher.Match(Subscriptions, e.Incident, e.Changes))
            .Select(a => $"{(a.Subscription == Everything ? "everything" : "casualties")} {a.Type["incident.".Length..]}").ToList();

    [Fact]
    public void An_opening_decided_earlier_in_the_batch_makes_later_events_of_its_incident_revisions_or_nothing()
    {
        var incident = Make();
        var decider = new AlertDecider(new Dictionary<(Guid, Guid), int>());

        Assert.Equal(["everything opened", "casualties opened"], Decide(decider, Opening(incident)));
        Assert.Equal(["everything revised", "casualties revised"], Decide(decider, Revision(incident, 2, "casualties")));
        Assert.Empty(Decide(decider, Opening(incident))); // redelivered
        Assert.Empty(Decide(decider, Revision(incident, 2, "casualties"))); // redelivered
        Assert.Equal(["everything revised"], Decide(decider, Revision(incident, 3, "attribution")));
        // Skipped by the casualties subscription: its latest is still revision 2, so revision 4 reaches it.
        Assert.Equal(["everything revised", "casualties revised"], Decide(decider, Revision(incident, 4, "casualties")));
    }

    [Fact]
    public void An_event_no_newer_than_what_was_recorded_before_the_batch_is_dropped()
    {
        var incident = Make();
        var decider = new AlertDecider(new Dictionary<(Guid, Guid), int> { [(incident.IncidentId, Everything.Id)] = 3 });

        Assert.Equal(["casualties opened"], Decide(decider, Revision(incident, 2, "casualties")));
        // Revision 3 is what "everything" already has; "casualties" has revision 2 from this batch.
        Assert.Equal(["casualties revised"], Decide(decider, Revision(incident, 3, "casualties")));
        Assert.Equal(["everything revised", "casualties revised"], Decide(decider, Revision(incident, 4, "casualties")));
    }

    [Fact]
    public void A_revision_decided_before_its_opening_becomes_the_opening_and_the_late_opening_is_dropped()
    {
        var incident = Make();
        var decider = new AlertDecider(new Dictionary<(Guid, Guid), int>());

        Assert.Equal(["everything opened", "casualties opened"], Decide(decider, Revision(incident, 2, "casualties")));
        Assert.Empty(Decide(decider, Opening(incident)));
    }
}
