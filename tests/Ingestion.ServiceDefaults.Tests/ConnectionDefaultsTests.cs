using Ingestion.ServiceDefaults.Persistence;
using Npgsql;

namespace Ingestion.ServiceDefaults.Tests;

public sealed class ConnectionDefaultsTests
{
    private static readonly DatabaseOptions Configured = new() { MaxPoolSize = 16, MaxAutoPrepare = 64 };

    [Fact]
    public void A_connection_string_that_sets_none_gets_the_configured_pool_limit_and_preparation_and_no_reset()
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithDefaults("Host=db;Username=app;Password=secret;Database=store", Configured));
        Assert.Equal((16, 64, true, "db", "store", "secret"),
            (settings.MaxPoolSize, settings.MaxAutoPrepare, settings.NoResetOnClose, settings.Host, settings.Database, settings.Password));
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")]
    [InlineData("Host=db;noresetonclose=false")]
    public void A_reset_the_connection_string_asks_for_is_kept(string connectionString) =>
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithDefaults(connectionString, Configured)).NoResetOnClose);

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=40")]
    [InlineData("Host=db;maxpoolsize=40")]
    public void A_pool_size_the_connection_string_sets_is_kept(string connectionString) =>
        Assert.Equal(40, new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithDefaults(connectionString, Configured)).MaxPoolSize);

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;maxautoprepare=0")]
    public void Preparation_the_connection_string_turns_off_stays_off(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithDefaults(connectionString, Configured));
        Assert.Equal((0, 16), (settings.MaxAutoPrepare, settings.MaxPoolSize));
    }
}
