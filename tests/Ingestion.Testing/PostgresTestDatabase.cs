using Npgsql;

namespace Ingestion.Testing;

/// <summary>A database name of its own on the real PostgreSQL; the service creates it, dispose drops it.</summary>
public sealed class PostgresTestDatabase(string prefix) : IAsyncDisposable
{
    public string Name { get; } = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 60)];

    public string ConnectionString => $"{TestInfrastructure.PostgresServer};Database={Name}";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{TestInfrastructure.PostgresServer};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
