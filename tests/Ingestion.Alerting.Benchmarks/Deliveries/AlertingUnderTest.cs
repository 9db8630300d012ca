using System.Net.Http.Json;
using Ingestion.ServiceDefaults;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Benchmarks.Deliveries;

/// <summary>
/// A real Alerting host in this process, composed as its Program.cs composes it: on the real RabbitMQ (a
/// virtual host of its own) and PostgreSQL (a database of its own), or on the in-memory bus and a SQLite
/// file. Dispose stops it and removes the virtual host, the database or the file.
/// </summary>
public sealed class AlertingUnderTest : IAsyncDisposable
{
    private const string AdminKey = "delivery-throughput-admin-key";
    private readonly List<Func<ValueTask>> cleanups = [];
    private ServiceTestHost? host;

    public ServiceTestHost Host => host ?? throw new InvalidOperationException("not started");

    /// <summary>Subscribers the delivery worker serves at once (Alerting:DeliveryConcurrency).</summary>
    public int DeliveryConcurrency => Host.App.Services.GetRequiredService<IOptions<AlertingOptions>>().Value.DeliveryConcurrency;

    public static async Task<AlertingUnderTest> StartAsync(bool realInfrastructure)
    {
        var alerting = new AlertingUnderTest();
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Alerting:AdminApiKey"] = AdminKey,
                ["Alerting:AllowPrivateWebhooks"] = "true", // the receiver is on loopback
                ["Logging:LogLevel:Default"] = "Warning",
                // EF's once-per-query remark about the subscription stamp query is not a measurement result.
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Query"] = "Error",
            };
            if (realInfrastructure) await alerting.UseRabbitMqAndPostgresAsync(settings);
            else alerting.UseInMemoryAndSqlite(settings);
            // MassTransit keeps its log context in an async-local that may still hold an earlier host's logger factory.
            LogContext.Current = null;
            alerting.host = await ServiceTestHost.StartAsync(settings,
                b => { b.AddServiceDefaults(); b.AddAlertingServices(); b.AddIngestionBus(AlertingApplication.AddAlertingConsumers); },
                a => { a.MapDefaultEndpoints(); a.MapAlertingEndpoints(); });
            return alerting;
        }
        catch
        {
            await alerting.DisposeAsync();
            throw;
        }
    }

    private async Task UseRabbitMqAndPostgresAsync(Dictionary<string, string?> settings)
    {
        var vhost = await RabbitMqVirtualHost.CreateAsync("alerting-throughput");
        cleanups.Add(vhost.DisposeAsync);
        var database = new PostgresTestDatabase("alerting_throughput");
        cleanups.Add(database.DisposeAsync);
        settings["Bus:Transport"] = "RabbitMq";
        settings["ConnectionStrings:RabbitMq"] = vhost.ConnectionString;
        settings["Database:Provider"] = "Postgres";
        settings["ConnectionStrings:Alerting"] = database.ConnectionString;
    }

    private void UseInMemoryAndSqlite(Dictionary<string, string?> settings)
    {
        var file = Path.Combine(Path.GetTempPath(), $"alerting-throughput-{Guid.NewGuid():N}.db");
        cleanups.Add(() =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }) File.Delete(path);
            return ValueTask.CompletedTask;
        });
        settings["Bus:Transport"] = "InMemory";
        settings["Database:Provider"] = "Sqlite";
        settings["ConnectionStrings:Alerting"] = $"Data Source={file}";
    }

    /// <summary>Creates webhook subscriptions through the API, with no filter and the highest rate limit it allows.</summary>
    public async Task SubscribeAsync(string webhookUrl, int count)
    {
        using var client = Host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        for (var i = 0; i < count; i++)
        {
            using var response = await client.PostAsJsonAsync("/subscriptions", new { name = $"receiver {i}", webhookUrl, rateLimitPerMinute = 6000 });
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST /subscriptions: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public Task PublishAsync<T>(T message) where T : class => Host.App.Services.GetRequiredService<IBus>().Publish(message);

    public async ValueTask DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
        // The database is dropped before the vhost is deleted, in reverse order of creation.
        for (var i = cleanups.Count - 1; i >= 0; i--)
        {
            try { await cleanups[i](); }
            catch (Exception error) { Console.Error.WriteLine($"cleanup failed: {error.Message}"); }
        }
    }
}
