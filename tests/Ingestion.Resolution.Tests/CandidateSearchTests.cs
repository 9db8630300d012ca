using Ingestion.Resolution;

namespace Ingestion.Resolution.Tests;

/// <summary>The window and the index must never miss a mention the pairwise rule accepts.</summary>
public class CandidateSearchTests
{
    private readonly IncidentResolver _r = new();

    [Fact]
    public void Window_contains_every_mention_that_matches()
    {
        var mentions = ClusteringTests.RandomMentions(new Random(7), 600, spreadDegrees: 6);
        int pairs = 0;
        foreach (var a in mentions)
            foreach (var b in mentions)
                if (a != b && _r.SameIncident(a, b))
                {
                    pairs++;
                    Assert.True(_r.WindowFor(a).Contains(b), $"window of {a.MentionId} misses {b.MentionId}");
                }
        Assert.True(pairs > 100);
    }

    [Fact]
    public void Window_of_a_site_asks_finer_candidates_to_lie_closer()
    {
        // Pairs are judged at the radius of the coarser precision: site 25 km, city 40 km, province 200 km.
        var airport = Places.BaghdadAirport;
        var window = _r.WindowFor(Mentions.Make(place: airport));
        var thirtyKmNorth = Places.Baghdad with { Lat = airport.Lat + 0.27, Lon = airport.Lon };
        var hundredKmNorth = thirtyKmNorth with { Lat = airport.Lat + 0.9 };
        Assert.True(window.Contains(Mentions.Make(place: thirtyKmNorth)));
        Assert.False(window.Contains(Mentions.Make(place: thirtyKmNorth with { Id = "another_site", Precision = "site" })));
        Assert.False(window.Contains(Mentions.Make(place: hundredKmNorth)));
        Assert.True(window.Contains(Mentions.Make(place: hundredKmNorth with { Precision = "province" })));
        Assert.False(window.Contains(Mentions.Make(place: Places.Syria)), "a country-level mention of another country");
        Assert.True(window.Contains(Mentions.Make(place: Places.Iraq)));
    }

    [Fact]
    public void Index_finds_exactly_the_incidents_a_scan_finds()
    {
        var rng = new Random(11);
        var stored = ClusteringTests.RandomMentions(rng, 300, spreadDegrees: 6);
        var incidentOf = stored.ToDictionary(m => m.MentionId, _ => Guid.NewGuid());
        var index = new OpenIncidentIndex();
        foreach (var m in stored) index.Add(incidentOf[m.MentionId], m);

        foreach (var probe in ClusteringTests.RandomMentions(rng, 100, spreadDegrees: 6))
        {
            var scanned = stored.Where(s => _r.SameIncident(probe, s)).Select(s => incidentOf[s.MentionId]).Distinct().Order();
            Assert.Equal(scanned, index.FindMatches(probe, _r));
        }
    }

    [Fact]
    public void Removed_incident_is_no_longer_found()
    {
        var m = Mentions.Make();
        var index = new OpenIncidentIndex();
        var id = Guid.NewGuid();
        index.Add(id, m);
        index.Add(id, Mentions.Make(place: Places.Iraq));
        Assert.Equal([id], index.FindMatches(Mentions.Make(), _r));
        Assert.True(index.Remove(id));
        Assert.Empty(index.FindMatches(Mentions.Make(), _r));
        Assert.Empty(index.FindMatches(Mentions.Make(place: Places.Iraq), _r));
        Assert.False(index.Remove(id));
    }
}
