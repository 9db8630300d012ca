using Ingestion.ServiceDefaults.Persistence;
using Npgsql;

namespace Ingestion.ServiceDefaults.Tests;

public sealed class PoolLimitTests
{
    [Fact]
    public void A_connection_string_without_a_pool_size_gets_the_configured_limit()
    {
        var limited = DatabaseRegistration.WithPoolLimit("Host=db;Username=app;Password=secret;Database=store", 16);
        var settings = new NpgsqlConnectionStringBuilder(limited);
        Assert.Equal((16, "db", "store", "secret"), (settings.MaxPoolSize, settings.Host, settings.Database, settings.Password));
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=40")]
    [InlineData("Host=db;maxpoolsize=40")]
    public void A_pool_size_the_connection_string_sets_is_kept(string connectionString) =>
        Assert.Equal(40, new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPoolLimit(connectionString, 16)).MaxPoolSize);
}
