using Ingestion.Contracts;
using Ingestion.Resolution;
using Ingestion.Store.Data;

namespace Ingestion.Store.Tests;

/// <summary>Unit tests of how a new mention re-shapes stored incidents, on rows as the database returns them.</summary>
public sealed class ResolutionPlanTests
{
    private static readonly IncidentResolver Resolver = new();
    private static readonly DateOnly Day = new(2024, 4, 21);
    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    [Fact]
    public void A_mention_matching_nothing_opens_an_incident()
    {
        var added = Row(Mentions.Rumeilan, "a", Guid.Empty);
        var planned = Assert.Single(ResolutionPlan.For(Resolver, added, [], _ => Epoch).Incidents);
        Assert.True(planned.IsNew);
        Assert.Equal([added], planned.Members);
    }

    [Fact]
    public void A_mention_of_the_same_attack_from_another_outlet_joins_its_incident()
    {
        var incident = Guid.NewGuid();
        var added = Row(Mentions.Rumeilan, "b", Guid.Empty);
        var plan = ResolutionPlan.For(Resolver, added, [Row(Mentions.Rumeilan, "a", incident)], _ => Epoch);
        Assert.Equal(incident, plan.IncidentOf(added).IncidentId);
        Assert.False(plan.IncidentOf(added).IsNew);
    }

    [Fact]
    public void An_attack_elsewhere_on_the_same_day_opens_its_own_incident()
    {
        var incident = Guid.NewGuid();
        var added = Row(Mentions.AinAlAsad, "b", Guid.Empty);
        var plan = ResolutionPlan.For(Resolver, added, [Row(Mentions.Rumeilan, "a", incident)], _ => Epoch);
        Assert.True(plan.IncidentOf(added).IsNew);
        Assert.Empty(plan.Absorbed);
    }

    [Fact]
    public void A_bridging_mention_merges_two_incidents_into_the_older_one()
    {
        // Two reports placed 60 km apart are two incidents; a province-level report covering both bridges them.
        var older = Guid.NewGuid();
        var newer = Guid.NewGuid();
        var site = Mentions.AinAlAsad with { Id = null, Lat = 33.0, Lon = 44.0 };
        var far = Mentions.AinAlAsad with { Id = null, Name = "b", Lat = 33.55, Lon = 44.0, Precision = "city" };
        var province = Mentions.AinAlAsad with { Id = null, Name = "p", Lat = 33.3, Lon = 44.0, Precision = "province" };
        var added = Row(province, "c", Guid.Empty);
        var plan = ResolutionPlan.For(Resolver, added, [Row(site, "a", older), Row(far, "b", newer)],
            id => id == older ? Epoch : Epoch.AddHours(1));
        Assert.Equal(older, Assert.Single(plan.Incidents).IncidentId);
        Assert.Equal(older, plan.Absorbed[newer]);
    }

    private static MentionRecord Row(ReportedPlace place, string source, Guid incident) =>
        MentionMapping.ToRecord(Mentions.Rockets(place, Day, source), incident, Epoch);
}
