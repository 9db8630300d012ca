using Npgsql;

namespace Ingestion.Testing;

/// <summary>A database name of its own on the real PostgreSQL; the service creates it, dispose drops it.</summary>
public sealed class PostgresTestDatabase(string prefix) : IAsyncDisposable
{
    public string Name { get; } = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 60)];

    public string ConnectionString => $"{TestInfrastructure.PostgresServer};Database={Name}";

    public ValueTask DisposeAsync() => DropAsync(Name);

    /// <summary>
    /// Drops a database, closing its connections. An autovacuum worker busy in it belongs to the server's superuser,
    /// which this role may not terminate (42501), so the drop is tried again until the worker has finished.
    /// </summary>
    public static async ValueTask DropAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{TestInfrastructure.PostgresServer};Database=postgres");
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 60)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
