namespace Ingestion.Alerting.Data;

/// <summary>A subscriber's key to the subscriptions API and the stream. Only its SHA-256 is stored.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Hex SHA-256 of the key. The key is 32 random bytes, so an unsalted fast hash is enough: nothing to brute-force.</summary>
    public required string KeyHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool Revoked { get; set; }
}
