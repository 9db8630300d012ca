namespace Ingestion.ServiceDefaults.Persistence;

public enum DatabaseProvider { Postgres, Sqlite }

/// <summary>Section "Database". Each service has its own database, named by its connection string.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Postgres;

    /// <summary>
    /// Most PostgreSQL connections one process keeps open, unless its connection string sets a pool size. PostgreSQL
    /// allows 100 in all by default, and Npgsql's own default is 100 per process: two FeedWorkers reading 64 articles
    /// at once took every slot. Six processes (three services, three more FeedWorkers) fit in 100 at 16 each; a
    /// request over the limit waits for a free connection.
    /// </summary>
    public int MaxPoolSize { get; set; } = 16;

    /// <summary>
    /// How many statements Npgsql prepares on each connection once they have been used a few times, unless the
    /// connection string sets "Max Auto Prepare"; 0 turns preparation off (for a connection pooler that does not
    /// support prepared statements). The services send the same few dozen statements over and over, and PostgreSQL
    /// parsed and planned each one anew: prepared, PostgreSQL took a quarter less CPU per article in the load run.
    /// </summary>
    public int MaxAutoPrepare { get; set; } = 64;
}
