using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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

    /// <summary>
    /// Marks a text column that holds an identifier (URL, hash, key) to compare byte by byte. PostgreSQL otherwise
    /// compares text through the database's locale (en_US.utf8 in the official image, C.UTF-8 in a Debian cluster),
    /// which costs a call into the C library for every comparison of an index lookup or insert. An identifier has
    /// no linguistic order to lose. SQLite already compares bytes. A database created before this keeps its
    /// columns' collation: its queries give the same answers, only slower.
    /// </summary>
    protected PropertyBuilder<T> ComparedAsBytes<T>(PropertyBuilder<T> property) =>
        IsPostgres ? property.UseCollation("C") : property;
}
