using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ingestion.ServiceDefaults.Persistence;

/// <summary>Base of every service's DbContext: the conventions that keep one model working on PostgreSQL and SQLite.</summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite cannot compare or order DateTimeOffset values; stored as UTC ticks they sort correctly.
        if (!IsPostgres)
            configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
