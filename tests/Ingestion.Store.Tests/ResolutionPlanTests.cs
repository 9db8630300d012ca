using Ingestion.Resolution;
using Ingestion.Store.Data;

namespace Ingestion.Store.Tests;

/// <summary>Unit tests of the join / open / merge decision, on rows as the database returns them.</summary>
public sealed class ResolutionPlanTests
{
    private static readonly IncidentResolver Resolver = new();

    [Fact]
    public void A_mention_matching_nothing_opens_an_incident()
    {
        var plan = ResolutionPlan.For(Resolver, Mention(Mentions.Rumeilan, "a"), new Dictionary<Guid, List<MentionRecord>>());
        Assert.True(plan.OpensIncident);
    }

    [Fact]
    public void A_mention_of_the_same_attack_from_another_outlet_joins_its_incident()
    {
        var incident = Guid.NewGuid();
        var related = new Dictionary<Guid, List<MentionRecord>> { [incident] = [Row(Mentions.Rumeilan, "a", incident)] };
        var plan = ResolutionPlan.For(Resolver, Mention(Mentions.Rumeilan, "b"), related);
        Assert.Equal([incident], plan.Incidents);
    }

    [Fact]
    public void An_attack_elsewhere_on_the_same_day_opens_its_own_incident()
    {
        var incident = Guid.NewGuid();
        var related = new Dictionary<Guid, List<MentionRecord>> { [incident] = [Row(Mentions.Rumeilan, "a", incident)] };
        Assert.True(ResolutionPlan.For(Resolver, Mention(Mentions.AinAlAsad, "b"), related).OpensIncident);
    }

    [Fact]
    public void A_mention_bridging_two_incidents_names_both_for_a_merge()
    {
        // Two outlets placed the attack differently (the base, and its province); a third names both.
        var site = Guid.NewGuid();
        var province = Guid.NewGuid();
        var anbar = Mentions.AinAlAsad with { Id = "anbar", Name = "Anbar", Precision = "province", Lat = 33.4, Lon = 42.0 };
        var related = new Dictionary<Guid, List<MentionRecord>>
        {
            [site] = [Row(Mentions.AinAlAsad, "a", site)],
            [province] = [Row(anbar, "b", province)],
        };
        var plan = ResolutionPlan.For(Resolver, Mention(Mentions.AinAlAsad, "c"), related);
        Assert.Equal(new HashSet<Guid> { site, province }, plan.Incidents.ToHashSet());
    }

    private static readonly DateOnly Day = new(2024, 4, 21);

    private static IncidentMention Mention(Contracts.ReportedPlace place, string source) =>
        MentionMapping.ToMention(Mentions.Rockets(place, Day, source));

    private static MentionRecord Row(Contracts.ReportedPlace place, string source, Guid incident) =>
        MentionMapping.ToRecord(Mentions.Rockets(place, Day, source), incident, DateTimeOffset.UnixEpoch);
}
