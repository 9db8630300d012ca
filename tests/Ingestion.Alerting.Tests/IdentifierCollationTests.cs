using Ingestion.Alerting.Data;
using Ingestion.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Alerting.Tests;

/// <summary>An API key's hash, looked up on every keyed request, compares byte by byte on PostgreSQL; names keep the database's locale.</summary>
public sealed class IdentifierCollationTests
{
    [Fact]
    public async Task The_api_key_hash_is_created_with_the_C_collation()
    {
        await using var database = new PostgresTestDatabase("alerting_collation");
        await using (var db = new AlertingDbContext(new DbContextOptionsBuilder<AlertingDbContext>().UseNpgsql(database.ConnectionString).Options))
            await db.Database.EnsureCreatedAsync();

        Assert.Equal("C", (await ColumnCollations.OfAsync(database.ConnectionString, "ApiKeys"))["KeyHash"]);
        Assert.Equal("default", (await ColumnCollations.OfAsync(database.ConnectionString, "Subscriptions"))["Name"]);
    }
}
