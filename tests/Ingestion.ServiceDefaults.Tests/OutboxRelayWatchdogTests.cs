using System.Net;
using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Persistence;
using Ingestion.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using static Ingestion.ServiceDefaults.Tests.BusEndpointHealthTests;

namespace Ingestion.ServiceDefaults.Tests;

/// <summary>
/// An outbox relay (its outbox on the real PostgreSQL) whose publishes stop being confirmed while the broker still
/// accepts connections (what a publishing channel left broken by a broker crash looks like): /health turns Unhealthy
/// naming the relay, the watchdog stops the process for its restart policy, and the unpublished rows stay in the
/// outbox for the next process.
/// </summary>
[Collection(ExitCodeCollection.Name)]
public sealed class OutboxRelayWatchdogTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase database = new("relay_watchdog");
    private RabbitMqVirtualHost vhost = null!;

    public async Task InitializeAsync() => vhost = await RabbitMqVirtualHost.CreateAsync("relay-watchdog");

    public async Task DisposeAsync()
    {
        await vhost.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_relay_whose_publishes_go_unconfirmed_turns_health_unhealthy_then_stops_the_process_keeping_its_rows()
    {
        var logs = new LogCollector();
        await using var relay = TcpRelay.Start(TestInfrastructure.RabbitMqHost, 5672);
        await using var host = await StartAsync(logs,
            $"amqp://{TestInfrastructure.RabbitMqUser}:{TestInfrastructure.RabbitMqPassword}@127.0.0.1:{relay.Port}/{Uri.EscapeDataString(vhost.Name)}");

        await EnqueueAsync(host, "https://a.example/1");
        await Eventually.ReturnsAsync(() => OutboxCountAsync(host), n => n == 0, TimeSpan.FromSeconds(20), "the first row published");
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(host, EndpointsCheck)).Status);

        relay.Freeze();
        var frozenAt = DateTime.UtcNow;
        await EnqueueAsync(host, "https://a.example/2");

        var unhealthy = await Eventually.ReturnsAsync(() => CheckAsync(host, EndpointsCheck), c => c.Status == HealthStatus.Unhealthy,
            TimeSpan.FromSeconds(20), "bus-endpoints Unhealthy once publishing has failed for Bus:UnhealthyAfter");
        Assert.Matches(@"^RelayContext outbox relay not ready for \d+ s \(publishing failed: no confirm within 2 s\)$", unhealthy.Description);
        using (var http = host.CreateClient()) Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health")).StatusCode);
        // Bus:StopAfter of failing, then Bus:UnhealthyAfter of the broker accepting connections.
        await AssertStoppedByWatchdogAsync(host, frozenAt + TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(30));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("RelayContext outbox relay not ready for"));
        Assert.Equal(1, await OutboxCountAsync(host)); // left for the next process to publish
    }

    [Fact]
    public async Task A_row_that_cannot_be_read_back_blocks_the_relay_with_its_reason_but_is_not_taken_for_a_broker_failure()
    {
        var logs = new LogCollector();
        await using var host = await StartAsync(logs, vhost.ConnectionString);
        using (var scope = host.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RelayContext>();
            db.Outbox.Add(new OutboxMessage { MessageType = "Ingestion.Contracts.NoSuchMessage", Payload = "{}", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        host.App.Services.GetRequiredService<OutboxSignal<RelayContext>>().Notify();

        await Eventually.ReturnsAsync(() => Task.FromResult(logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("unknown message type Ingestion.Contracts.NoSuchMessage"))),
            seen => seen, TimeSpan.FromSeconds(20), "the relay's warning naming the row's type");
        // Past Bus:StopAfter plus Bus:UnhealthyAfter: a restart would not mend the row, so nothing stops the process.
        await Task.Delay(TimeSpan.FromSeconds(10));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(host, EndpointsCheck)).Status);
        Assert.False(host.App.Lifetime.ApplicationStopping.IsCancellationRequested, "stopped for a row the broker never saw");
        Assert.Equal(1, await OutboxCountAsync(host)); // kept, for an operator to see
    }

    private async Task<ServiceTestHost> StartAsync(LogCollector logs, string rabbitMq) =>
        await ServiceTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Bus:Transport"] = "RabbitMq",
                ["ConnectionStrings:RabbitMq"] = rabbitMq,
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Relay"] = database.ConnectionString,
                ["Outbox:PublishTimeout"] = "00:00:02",
                ["Bus:UnhealthyAfter"] = "00:00:03",
                ["Bus:StopAfter"] = "00:00:06",
            },
            builder =>
            {
                builder.AddServiceDefaults();
                builder.Logging.AddProvider(logs);
                builder.AddServiceDatabase<RelayContext>("Relay");
                builder.Services.AddOutboxRelay<RelayContext>();
                builder.AddIngestionBus();
            },
            app => app.MapDefaultEndpoints());

    private static async Task EnqueueAsync(ServiceTestHost host, string url)
    {
        using var scope = host.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayContext>();
        db.Enqueue(new ArticleCollected { ArticleId = Guid.NewGuid(), FeedUrl = "https://a.example/feed", Url = url, CollectedAt = DateTimeOffset.UtcNow },
            DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        host.App.Services.GetRequiredService<OutboxSignal<RelayContext>>().Notify();
    }

    private static async Task<int> OutboxCountAsync(ServiceTestHost host)
    {
        using var scope = host.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RelayContext>().Outbox.CountAsync();
    }
}
