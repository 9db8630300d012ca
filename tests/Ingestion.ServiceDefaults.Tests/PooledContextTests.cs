using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestion.ServiceDefaults.Tests;

/// <summary>
/// Service contexts come from a pool. What one user of a context changed on it must not reach the next: Alerting's
/// deliverer switches automatic change detection off, and the code that next leases that context saves changes it
/// made to tracked rows without naming them.
/// </summary>
public sealed class PooledContextTests
{
    [Fact]
    public void A_context_leased_again_tracks_nothing_and_detects_changes_automatically()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Relay"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"pooled-{Guid.NewGuid():N}.db")}",
        });
        builder.AddServiceDatabase<RelayContext>("Relay");
        using var services = builder.Services.BuildServiceProvider();

        RelayContext first;
        using (var scope = services.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<RelayContext>();
            first.ChangeTracker.AutoDetectChangesEnabled = false;
            first.Outbox.Add(new OutboxMessage { MessageType = "unsaved", Payload = "{}", CreatedAt = DateTimeOffset.UtcNow });
        }

        using (var scope = services.CreateScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<RelayContext>();
            Assert.Same(first, second);
            Assert.True(second.ChangeTracker.AutoDetectChangesEnabled);
            Assert.Empty(second.ChangeTracker.Entries());
        }
    }
}
