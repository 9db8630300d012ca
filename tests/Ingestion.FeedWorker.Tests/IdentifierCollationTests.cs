using Ingestion.FeedWorker.Data;
using Ingestion.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.FeedWorker.Tests;

/// <summary>
/// The worker's identifier columns (URLs, hashes, band keys) compare byte by byte on PostgreSQL, whatever locale
/// the database was created with; its other text (titles, error reasons) keeps the database's locale.
/// </summary>
public sealed class IdentifierCollationTests
{
    [Fact]
    public async Task Identifier_columns_are_created_with_the_C_collation()
    {
        await using var database = new PostgresTestDatabase("feeds_collation");
        await using (var db = new FeedsDbContext(new DbContextOptionsBuilder<FeedsDbContext>().UseNpgsql(database.ConnectionString).Options))
            await db.Database.EnsureCreatedAsync();

        Assert.Equal("C", (await ColumnCollations.OfAsync(database.ConnectionString, "Feeds"))["Url"]);
        Assert.Equal("C", (await ColumnCollations.OfAsync(database.ConnectionString, "SeenItems"))["ItemKey"]);
        Assert.Equal("C", (await ColumnCollations.OfAsync(database.ConnectionString, "ArticleBands"))["BandKey"]);
        var articles = await ColumnCollations.OfAsync(database.ConnectionString, "Articles");
        Assert.Equal("C", articles["CanonicalUrl"]);
        Assert.Equal("C", articles["ContentHash"]);
        Assert.Equal("default", articles["Title"]);
    }
}
