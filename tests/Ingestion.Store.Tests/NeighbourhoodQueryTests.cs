using Ingestion.Contracts;
using Ingestion.Resolution;
using Ingestion.Store.Data;
using Ingestion.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Store.Tests;

/// <summary>
/// The Store asks PostgreSQL for the incidents around every new mention of a batch in one query; each window must
/// find exactly what the EF Core query of that window alone finds (real PostgreSQL).
/// </summary>
public sealed class NeighbourhoodQueryTests
{
    private static readonly DateOnly Day = new(2024, 3, 1);
    private static readonly string?[] Precisions = ["site", "city", "province", "country", null];

    [Fact]
    public async Task One_query_for_a_batch_finds_around_each_mention_what_its_own_query_finds()
    {
        await using var database = new PostgresTestDatabase("store_windows");
        var options = new DbContextOptionsBuilder<StoreDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using var db = new StoreDbContext(options);
        await db.Database.EnsureCreatedAsync();

        var random = new Random(20240301);
        var incidents = Enumerable.Range(0, 150).Select(_ => Guid.NewGuid()).ToArray();
        db.Mentions.AddRange(Enumerable.Range(0, 3600).Select(_ =>
            MentionMapping.ToRecord(Reported(random), incidents[random.Next(incidents.Length)], DateTimeOffset.UtcNow)));
        await db.SaveChangesAsync();

        var resolver = new IncidentResolver();
        var windows = Enumerable.Range(0, 240).Select(_ => resolver.WindowFor(MentionMapping.ToStoredMention(Reported(random)))).ToList();
        var together = await NeighbourhoodQueries.IncidentsAroundAsync(db, windows, CancellationToken.None);

        Assert.Equal(windows.Count, together.Length);
        for (var i = 0; i < windows.Count; i++)
        {
            var alone = await NeighbourhoodQueries.IncidentsAroundAsync(db, windows[i], CancellationToken.None);
            Assert.True(alone.Order().SequenceEqual(together[i].Order()),
                $"window {i} ({windows[i]}): alone {alone.Count} incidents, together {together[i].Count}");
        }
        // The sample must exercise the predicate: windows around several incidents, and windows around none.
        Assert.True(together.Count(ids => ids.Count >= 3) >= 20, "too few busy windows");
        Assert.Contains(together, ids => ids.Count == 0);
    }

    /// <summary>
    /// A mention somewhere in Iraq or Syria in one of four months a season apart, at any precision, a few without a
    /// place: the windows of a month overlap, and those of different months are stretches of days of their own.
    /// </summary>
    private static IncidentReported Reported(Random random)
    {
        var date = Day.AddDays(random.Next(4) * 90 + random.Next(30));
        var place = random.Next(20) == 0 ? null : new ReportedPlace
        {
            Id = null, Name = "place", Country = random.Next(2) == 0 ? "IQ" : "SY",
            Lat = 32 + random.NextDouble() * 4, Lon = 39 + random.NextDouble() * 6, Precision = Precisions[random.Next(Precisions.Length)]!,
        };
        return Mentions.Rockets(Mentions.AinAlAsad, date, $"s{random.Next(5)}.example") with
        {
            Place = place,
            Date = random.Next(4) == 0 ? null : date,
            Published = date.AddDays(random.Next(3)),
        };
    }
}
