namespace Ingestion.ServiceDefaults.Persistence;

public enum DatabaseProvider { Postgres, Sqlite }

/// <summary>Section "Database". Each service has its own database, named by its connection string.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Postgres;
}
