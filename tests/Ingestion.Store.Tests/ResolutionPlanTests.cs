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
        var planned = Assert.Single(Plan(added, [], _ => Epoch).Incidents);
        Assert.True(planned.IsNew);
        Assert.Equal([added], planned.Members);
    }

    [Fact]
    public void A_mention_of_the_same_attack_from_another_outlet_joins_its_incident()
    {
        var incident = Guid.NewGuid();
        var added = Row(Mentions.Rumeilan, "b", Guid.Empty);
        var plan = Plan(added, [Row(Mentions.Rumeilan, "a", incident)], _ => Epoch);
        Assert.Equal(incident, plan.IncidentOf(added).IncidentId);
        Assert.False(plan.IncidentOf(added).IsNew);
    }

    [Fact]
    public void An_attack_elsewhere_on_the_same_day_opens_its_own_incident()
    {
        var incident = Guid.NewGuid();
        var added = Row(Mentions.AinAlAsad, "b", Guid.Empty);
        var plan = Plan(added, [Row(Mentions.Rumeilan, "a", incident)], _ => Epoch);
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
        var plan = Plan(added, [Row(site, "a", older), Row(far, "b", newer)],
            id => id == older ? Epoch : Epoch.AddHours(1));
        Assert.Equal(older, Assert.Single(plan.Incidents).IncidentId);
        Assert.Equal(older, plan.Absorbed[newer]);
    }

    [Fact]
    public void Joining_without_clustering_ends_where_clustering_the_neighbourhood_ends()
    {
        // Neighbourhoods as the Store holds them (the resolver's own clustering), then one more mention: whenever the
        // shortcut answers, its incidents must be exactly those of clustering everything, and it must answer often.
        var random = new Random(42);
        int answered = 0, trials = 400;
        for (var trial = 0; trial < trials; trial++)
        {
            var stored = Enumerable.Range(0, random.Next(0, 14)).Select(_ => RandomRow(random)).ToList();
            foreach (var cluster in Resolver.Cluster(stored.Select(MentionMapping.ToMention)))
            {
                var incident = Guid.NewGuid();
                foreach (var member in stored.Where(r => cluster.Mentions.Any(m => m.MentionId == r.MentionId))) member.IncidentId = incident;
            }
            var added = RandomRow(random);
            if (ResolutionPlan.Joining(Resolver, added, stored, MentionMapping.ToMention) is not { } joined) continue;
            answered++;
            var clustered = ResolutionPlan.ByClustering(new ClusteringSession(Resolver), added, stored, MentionMapping.ToMention, _ => Epoch);
            var expected = clustered.Incidents.Select(p => Ids(p.Members)).ToHashSet(HashSet<Guid>.CreateSetComparer());
            var actual = stored.Where(r => r.IncidentId != joined.Incidents[0].IncidentId).GroupBy(r => r.IncidentId).Select(g => Ids(g))
                .Append(Ids(joined.Incidents[0].Members)).ToHashSet(HashSet<Guid>.CreateSetComparer());
            Assert.True(expected.SetEquals(actual), $"trial {trial}: the shortcut and clustering disagree");
            Assert.Empty(clustered.Absorbed);
        }
        Assert.InRange(answered, trials / 2, trials);
    }

    // As the Store plans: the shortcut when it answers, clustering otherwise.
    private static ResolutionPlan Plan(MentionRecord added, IReadOnlyList<MentionRecord> related, Func<Guid, DateTimeOffset> createdAt) =>
        ResolutionPlan.Joining(Resolver, added, related, MentionMapping.ToMention) ?? ResolutionPlan.ByClustering(new ClusteringSession(Resolver), added, related, MentionMapping.ToMention, createdAt);

    private static HashSet<Guid> Ids(IEnumerable<MentionRecord> rows) => rows.Select(r => r.MentionId).ToHashSet();

    // Close places of every precision, days a few apart, two kinds and attackers, a few outlets and shared articles:
    // enough matches, bridges and conflicts for every branch of the rule.
    private static MentionRecord RandomRow(Random random)
    {
        string[] precisions = ["site", "city", "province"];
        var place = new ReportedPlace
        {
            Id = random.Next(3) == 0 ? null : $"p{random.Next(4)}", Name = $"place {random.Next(4)}", Country = "IQ",
            Lat = 33.0 + random.Next(5) * 0.15, Lon = 44.0, Precision = precisions[random.Next(3)],
        };
        var day = Day.AddDays(random.Next(4));
        var reported = Mentions.Rockets(place, day, $"s{random.Next(5)}.example", killed: random.Next(3) == 0 ? random.Next(1, 4) : null) with
        {
            ArticleId = new Guid(random.Next(30), 0, 0, new byte[8]),
            Date = random.Next(4) == 0 ? null : day,
            Kind = random.Next(4) == 0 ? "drone_attack" : "rocket_attack",
            Attacker = random.Next(4) == 0 ? "kataib_hezbollah" : random.Next(3) == 0 ? "islamic_resistance_in_iraq" : "unknown",
        };
        return MentionMapping.ToRecord(reported, Guid.Empty, Epoch);
    }

    private static MentionRecord Row(ReportedPlace place, string source, Guid incident) =>
        MentionMapping.ToRecord(Mentions.Rockets(place, Day, source), incident, Epoch);
}
