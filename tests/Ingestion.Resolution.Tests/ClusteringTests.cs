using Ingestion.Resolution;
using static Ingestion.Resolution.Tests.Mentions;

namespace Ingestion.Resolution.Tests;

public class ClusteringTests
{
    private readonly IncidentResolver _r = new();

    [Fact]
    public void Bridging_mention_merges_two_incidents()
    {
        // A site report and a report 60 km away are too far apart to be one place, but a province-level report
        // containing both bridges them.
        var site = Make(place: new MentionPlace(null, "a", "IQ", 33.0, 44.0, "site"), source: "a");
        var far = Make(place: new MentionPlace(null, "b", "IQ", 33.55, 44.0, "city"), source: "b");
        Assert.Equal(2, _r.Cluster([site, far]).Count);

        var province = Make(place: new MentionPlace(null, "p", "IQ", 33.3, 44.0, "province"), source: "c");
        var merged = Assert.Single(_r.Cluster([site, far, province]));
        Assert.Equal(3, merged.Mentions.Count);
    }

    [Fact]
    public void Undated_mention_does_not_bridge_attacks_on_two_different_days()
    {
        // Rockets on the same base on the 15th and the 20th; a report published on the 21st with no date could be either.
        var fifteenth = Make(date: "2024-01-15", published: "2024-01-16", source: "a");
        var twentieth = Make(date: "2024-01-20", published: "2024-01-21", source: "b");
        var undated = Make(date: null, published: "2024-01-21", source: "c");
        var clusters = _r.Cluster([fifteenth, twentieth, undated]);
        Assert.Equal(2, clusters.Count);
        Assert.DoesNotContain(clusters, c => c.Mentions.Contains(fifteenth) && c.Mentions.Contains(twentieth));
    }

    [Fact]
    public void A_merge_is_refused_when_any_member_conflicts_not_only_the_pair_that_matched()
    {
        // "Baghdad" matches the embassy and the airport; the embassy (closer) joins it first, and the airport, which
        // matches "Baghdad" too, is kept out by the embassy: two identified sites are two incidents.
        var baghdad = Make(id: IdFrom(910_000), place: Places.Baghdad, source: "a");
        var embassy = Make(id: IdFrom(910_001), place: Places.UsEmbassyBaghdad, source: "b");
        var airport = Make(id: IdFrom(910_002), place: Places.BaghdadAirport, source: "c");
        Assert.True(_r.SameIncident(baghdad, airport));

        var clusters = _r.Cluster([airport, embassy, baghdad]);
        Assert.Equal([[baghdad, embassy], [airport]], clusters.Select(c => c.Mentions.ToArray()));
    }

    [Fact]
    public void Vague_mention_does_not_bridge_incidents_of_incompatible_kinds()
    {
        var airstrike = Make(kind: "airstrike", attacker: "us_forces", target: null, source: "a");
        var rockets = Make(kind: "rocket_attack", target: null, source: "b");
        var explosion = Make(kind: "explosion", target: null, source: "c");
        var clusters = _r.Cluster([airstrike, rockets, explosion]);
        Assert.Equal(2, clusters.Count);
        Assert.DoesNotContain(clusters, c => c.Mentions.Contains(airstrike) && c.Mentions.Contains(rockets));
    }

    [Fact]
    public void Cluster_key_is_the_smallest_mention_id_and_clusters_are_sorted_by_key()
    {
        var late = Make(id: IdFrom(900_002), place: Places.Erbil);
        var early = Make(id: IdFrom(900_001), place: Places.Erbil);
        var other = Make(id: IdFrom(900_000), place: Places.Rumeilan);
        var clusters = _r.Cluster([late, other, early]);
        Assert.Equal([IdFrom(900_000), IdFrom(900_001)], clusters.Select(c => c.Key));
        Assert.Equal([early, late], clusters[1].Mentions);
    }

    [Fact]
    public void Clusters_do_not_depend_on_input_order()
    {
        var rng = new Random(20240421);
        var mentions = RandomMentions(rng, 120);
        var expected = Describe(_r.Cluster(mentions));
        Assert.True(expected.Count is > 5 and < 115, "the sample should both merge and separate mentions");
        for (int shuffle = 0; shuffle < 200; shuffle++)
        {
            var order = mentions.OrderBy(_ => rng.Next()).ToList();
            Assert.Equal(expected, Describe(_r.Cluster(order)));
        }
    }

    [Fact]
    public void A_session_clusters_each_of_many_overlapping_sets_as_clustering_it_alone_does()
    {
        // As the Store uses it: one session for a batch, which clusters the neighbourhood of one mention after another,
        // each overlapping the ones before and bringing mentions of its own.
        var rng = new Random(20240422);
        var pool = RandomMentions(rng, 300);
        var session = new ClusteringSession(_r);
        for (int round = 0; round < 60; round++)
        {
            var set = pool.Where(_ => rng.Next(3) == 0).ToList();
            Assert.Equal(Describe(_r.Cluster(set)), Describe(session.Cluster(set.OrderBy(_ => rng.Next()))));
        }
        var everything = _r.Cluster(pool);
        Assert.True(everything.Count is > 20 and < 280, "the pool should both merge and separate mentions");
        Assert.Equal(Describe(everything), Describe(session.Cluster(pool)));
    }

    [Fact]
    public void A_reset_session_clusters_the_next_batch_as_clustering_it_alone_does()
    {
        // As the Store's pool uses it: one session for batch after batch, reset in between, its buffers kept.
        var rng = new Random(20240423);
        var session = new ClusteringSession(_r);
        for (int batch = 0; batch < 5; batch++)
        {
            var pool = RandomMentions(rng, 150 + 50 * batch);
            for (int round = 0; round < 10; round++)
            {
                var set = pool.Where(_ => rng.Next(2) == 0).ToList();
                Assert.Equal(Describe(_r.Cluster(set)), Describe(session.Cluster(set)));
            }
            session.Reset();
        }
        // What the session knew is forgotten with it, so an id seen before the reset is a new mention after it.
        var m = Make();
        session.Cluster([m]);
        session.Reset();
        Assert.Single(session.Cluster([m with { Killed = 4 }]));
    }

    [Fact]
    public void A_session_kept_between_batches_clusters_each_as_clustering_it_alone_does_and_forgets_other_days()
    {
        // As the Store's pool uses it: batch after batch, each keeping what the session knows around its new mentions.
        // The stream moves on 20 days a batch, and each batch clusters sets of its own days and of the batch before,
        // whose pairs it was told of already.
        var rng = new Random(20240424);
        var session = new ClusteringSession(_r);
        var batches = new List<List<IncidentMention>>();
        for (int batch = 0; batch < 6; batch++)
        {
            var current = RandomMentions(rng, 200, start: new DateOnly(2024, 1, 1).AddDays(20 * batch));
            session.KeepAround(current.Where(_ => rng.Next(10) == 0).Select(_r.WindowFor));
            // Three batches back lies beyond the reach of any new mention's window: forgotten.
            if (batch >= 3) Assert.DoesNotContain(batches[batch - 3], m => session.Knows(m.MentionId));
            var around = batch == 0 ? current : [.. batches[batch - 1], .. current];
            for (int round = 0; round < 6; round++)
            {
                var set = around.Where(_ => rng.Next(3) == 0).ToList();
                Assert.Equal(Describe(_r.Cluster(set)), Describe(session.Cluster(set)));
            }
            batches.Add(current);
        }
        Assert.True(session.KnownMentions < batches.Sum(b => b.Count) / 2, "what lies beyond every window is forgotten");
    }

    [Fact]
    public void A_mention_kept_from_an_earlier_batch_is_read_again_when_it_reads_differently()
    {
        var m = Make(source: "a");
        var other = Make(source: "b");
        var session = new ClusteringSession(_r);
        Assert.Single(session.Cluster([m, other]));
        // The same content read into new instances is the same mention, denials and all.
        var reread = m with { Denials = m.Denials.ToList() };
        Assert.Single(session.Cluster([reread, other]));
        session.KeepAround([_r.WindowFor(m)]);
        Assert.True(session.Knows(m.MentionId));
        Assert.Single(session.Cluster([reread, other]));

        // A different reading replaces what was kept (the Store does not change mentions; nothing may rest on it).
        var changed = m with { Kind = "airstrike", Attacker = "us_forces" };
        Assert.Equal(Describe(_r.Cluster([changed, other])), Describe(session.Cluster([changed, other])));
        Assert.Equal(2, session.Cluster([changed, other]).Count);
        // Within one batch, a second reading under one id is still refused, and what the refused call had begun to
        // learn (here the mention sorted first, IdFrom(0)) is not half kept.
        var early = Make(id: IdFrom(0), kind: "airstrike", attacker: "us_forces", source: "c");
        Assert.Throws<ArgumentException>(() => session.Cluster([early, changed with { Killed = 3 }]));
        Assert.Equal(Describe(_r.Cluster([early, changed, other])), Describe(session.Cluster([early, changed, other])));
        Assert.Equal(2, session.Cluster([early, changed, other]).Count);
    }

    [Fact]
    public void A_session_rejects_a_mention_that_changed_under_a_known_id()
    {
        var m = Make();
        var session = new ClusteringSession(_r);
        session.Cluster([m]);
        Assert.Throws<ArgumentException>(() => session.Cluster([m with { Killed = 4 }]));
    }

    [Fact]
    public void Duplicate_mention_ids_with_different_content_are_rejected()
    {
        var m = Make();
        Assert.Throws<ArgumentException>(() => _r.Cluster([m, m with { Killed = 4 }]));
        Assert.Single(_r.Cluster([m, m]));
    }

    /// <summary>Mentions crowded into a small area (by default) and a few weeks, so that bridging and conflicts are frequent.</summary>
    internal static List<IncidentMention> RandomMentions(Random rng, int count, double spreadDegrees = 1.5, DateOnly? start = null)
    {
        string[] kinds = ["rocket_attack", "missile_attack", "drone_attack", "airstrike", "explosion", "other_attack"];
        string?[] attackers = [null, "unknown", "militia", "kataib_hezbollah", "harakat_al_nujaba", "us_forces"];
        string[] precisions = ["site", "site", "city", "province", "country"];
        var articles = Enumerable.Range(0, count / 3).Select(_ => Guid.NewGuid()).ToArray();
        return Enumerable.Range(0, count).Select(i =>
        {
            var published = (start ?? new DateOnly(2024, 1, 1)).AddDays(rng.Next(20));
            DateOnly? date = rng.Next(5) == 0 ? null : published.AddDays(-rng.Next(4));
            var place = new MentionPlace(null, "p", rng.Next(8) == 0 ? "SY" : "IQ",
                33 + rng.NextDouble() * spreadDegrees, 43 + rng.NextDouble() * spreadDegrees, precisions[rng.Next(precisions.Length)]);
            return new IncidentMention(Guid.NewGuid(), articles[rng.Next(articles.Length)], $"s{rng.Next(6)}", published,
                kinds[rng.Next(kinds.Length)], date, rng.Next(3), place, attackers[rng.Next(attackers.Length)], null,
                null, null, false, null, [], 0.5, "");
        }).ToList();
    }

    private static List<string> Describe(IReadOnlyList<IncidentCluster> clusters) =>
        clusters.Select(c => c.Key + ":" + string.Join(",", c.Mentions.Select(m => m.MentionId))).ToList();
}
