using Ingestion.Contracts;
using Ingestion.Resolution;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.Store.Data;
using Ingestion.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Store.Tests;

/// <summary>
/// The Store resolves mentions one at a time as they arrive; the incidents it ends with must not depend
/// on the order of arrival. Each order runs on a fresh PostgreSQL database.
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
            var partition = await ResolveAsync(order);
            first ??= partition;
            Assert.True(first.SetEquals(partition), $"order {round} gave {string.Join(" | ", partition)}; first gave {string.Join(" | ", first)}");
        }
        // Four incidents: Ain al-Asad on the 20th (told three ways), Rumeilan (two ways), Jurf al-Sakhar, and Ain al-Asad five days earlier.
        Assert.True(first!.Count == 4, string.Join(" | ", first));
    }

    /// <summary>Runs the mentions through the Store and returns its incidents as sets of source+place keys.</summary>
    private static async Task<HashSet<string>> ResolveAsync(IReadOnlyList<IncidentReported> mentions)
    {
        await using var database = new PostgresTestDatabase("store_order");
        var options = new DbContextOptionsBuilder<StoreDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using (var setup = new StoreDbContext(options)) await setup.Database.EnsureCreatedAsync();
        foreach (var mention in mentions)
        {
            await using var db = new StoreDbContext(options);
            var store = new EfIncidentStore(db, new IncidentResolver(), new OutboxSignal<StoreDbContext>(), TimeProvider.System);
            await store.RecordMentionAsync(mention, CancellationToken.None);
        }
        await using var read = new StoreDbContext(options);
        var rows = await read.Mentions.AsNoTracking().ToListAsync();
        return rows.GroupBy(m => m.IncidentId)
            .Select(g => string.Join(",", g.Select(m => $"{m.Source}/{m.PlaceName}/{m.AnchorDate:MMdd}").Order()))
            .ToHashSet();
    }
}
