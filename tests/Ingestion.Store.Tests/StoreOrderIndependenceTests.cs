using Ingestion.Contracts;
using Ingestion.Resolution;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Telemetry;
using Ingestion.Store.Data;
using Ingestion.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Store.Tests;

/// <summary>
/// The Store resolves mentions as they arrive, alone or in batches of whatever is waiting; the incidents it
/// ends with must depend neither on the order of arrival nor on how arrivals were batched. Each run uses a
/// fresh PostgreSQL database.
/// </summary>
public sealed class StoreOrderIndependenceTests
{
    private static readonly DateOnly Day = new(2024, 1, 20);
    private static readonly ReportedPlace Anbar = new() { Id = "anbar", Name = "Anbar", Country = "IQ", Lat = 33.4, Lon = 42.0, Precision = "province" };
    private static readonly ReportedPlace NortheastSyria = new() { Id = "northeast_syria", Name = "northeast Syria", Country = "SY", Lat = 36.5, Lon = 40.8, Precision = "province" };
    private static readonly ReportedPlace JurfAlSakhar = new() { Id = "jurf_al_sakhar", Name = "Jurf al-Sakhar", Country = "IQ", Lat = 32.89, Lon = 44.12, Precision = "city" };

    private static IReadOnlyList<IncidentReported> Story() =>
    [
        Mentions.Rockets(Mentions.AinAlAsad, Day, "a.example", killed: 2),
        Mentions.Rockets(Anbar, Day, "b.example", killed: 3),
        Mentions.Rockets(Mentions.AinAlAsad, Day, "c.example") with { Date = null, Published = Day.AddDays(1) },
        Mentions.Rockets(Mentions.Rumeilan, Day, "a.example"),
        Mentions.Rockets(NortheastSyria, Day, "d.example"),
        Mentions.Rockets(JurfAlSakhar, Day, "b.example") with { Kind = "airstrike", Attacker = "us_forces", Target = "kataib_hezbollah" },
        Mentions.Rockets(Mentions.AinAlAsad, Day.AddDays(-5), "e.example"),
    ];

    [Fact]
    public async Task Incidents_do_not_depend_on_the_order_mentions_arrive_in()
    {
        var story = Story();
        var random = new Random(20240120);
        HashSet<string>? first = null;
        for (var round = 0; round < 6; round++)
        {
            var order = round == 0 ? story : story.OrderBy(_ => random.Next()).ToList();
            var partition = await ResolveAsync(order.Select(m => (IReadOnlyList<IncidentReported>)[m]));
            first ??= partition;
            Assert.True(first.SetEquals(partition), $"order {round} gave {string.Join(" | ", partition)}; first gave {string.Join(" | ", first)}");
        }
        // Four incidents: Ain al-Asad on the 20th (told three ways), Rumeilan (two ways), Jurf al-Sakhar, and Ain al-Asad five days earlier.
        Assert.True(first!.Count == 4, string.Join(" | ", first));
    }

    [Fact]
    public async Task Incidents_do_not_depend_on_how_arrivals_are_batched()
    {
        var story = Story();
        var oneByOne = await ResolveAsync(story.Select(m => (IReadOnlyList<IncidentReported>)[m]));
        var random = new Random(7);
        for (var round = 0; round < 4; round++)
        {
            // A redelivered mention inside the batch it was first delivered with is recorded once.
            var shuffled = story.OrderBy(_ => random.Next()).Append(story[round]).ToList();
            var cut = random.Next(1, shuffled.Count);
            var partition = await ResolveAsync(round == 0 ? [shuffled] : [shuffled[..cut], shuffled[cut..]]);
            Assert.True(oneByOne.SetEquals(partition), $"batches in round {round} gave {string.Join(" | ", partition)}; one by one gave {string.Join(" | ", oneByOne)}");
        }
    }

    [Fact]
    public async Task A_mention_finds_its_neighbour_where_its_own_batch_moved_it()
    {
        // A (dated) and B (undated, published eleven days later: its week misses A's day) are two incidents. C, undated
        // and published in between, matches both and merges them: B's mention moves to A's incident, the older. E,
        // published five days after B, matches B alone, which the database still files under B's old incident until the
        // batch ends: resolved in C's batch, E must find B where C put it, and join the merged incident.
        var undated = Mentions.Rockets(Mentions.AinAlAsad, Day, "x.example") with { Date = null };
        IncidentReported a = Mentions.Rockets(Mentions.AinAlAsad, Day, "a.example"),
            b = undated with { MentionId = Guid.NewGuid(), ArticleId = Guid.NewGuid(), Source = "b.example", Published = Day.AddDays(11) },
            c = undated with { MentionId = Guid.NewGuid(), ArticleId = Guid.NewGuid(), Source = "c.example", Published = Day.AddDays(5) },
            e = undated with { MentionId = Guid.NewGuid(), ArticleId = Guid.NewGuid(), Source = "e.example", Published = Day.AddDays(16) };

        var oneByOne = await ResolveAsync([[a], [b], [c], [e]]);
        var batched = await ResolveAsync([[a], [b], [c, e]]);

        Assert.True(oneByOne.Count == 1, string.Join(" | ", oneByOne));
        Assert.True(oneByOne.SetEquals(batched), $"batched: {string.Join(" | ", batched)}; one by one: {string.Join(" | ", oneByOne)}");
    }

    /// <summary>Runs the batches through the Store and returns its incidents as sets of source+place keys.</summary>
    private static async Task<HashSet<string>> ResolveAsync(IEnumerable<IReadOnlyList<IncidentReported>> batches)
    {
        await using var database = new PostgresTestDatabase("store_order");
        var options = new DbContextOptionsBuilder<StoreDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using (var setup = new StoreDbContext(options)) await setup.Database.EnsureCreatedAsync();
        // One pool for all batches, as the Store has: each batch takes the session and rows the batch before it returned.
        var resolver = new IncidentResolver();
        var kept = KeptBetweenBatches.Pool(resolver);
        foreach (var batch in batches)
        {
            await using var db = new StoreDbContext(options);
            var store = new EfIncidentStore(db, resolver, kept, new OutboxSignal<StoreDbContext>(), TimeProvider.System);
            var outcomes = await store.RecordMentionsAsync(batch.Select(m => new Traced<IncidentReported>(m, default)).ToList(), CancellationToken.None);
            Assert.Equal(batch.Count, outcomes.Count);
        }
        await using var read = new StoreDbContext(options);
        var rows = await read.Mentions.AsNoTracking().ToListAsync();
        return rows.GroupBy(m => m.IncidentId)
            .Select(g => string.Join(",", g.Select(m => $"{m.Source}/{m.PlaceName}/{m.AnchorDate:MMdd}").Order()))
            .ToHashSet();
    }
}
