using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Alerting.Data;
using Ingestion.ServiceDefaults;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Alerting.Tests;

/// <summary>
/// The Alerting service composed as its Program.cs composes it, on a RabbitMQ virtual host and a
/// PostgreSQL database of its own; retries are shortened so outages play out in seconds.
/// </summary>
public sealed class AlertingTestHost : IAsyncLifetime
{
    public const string AdminKey = "alerting-test-admin-key-51c0";
    public RabbitMqVirtualHost Broker { get; private set; } = null!;
    public PostgresTestDatabase Database { get; } = new("alerting_test");
    public ServiceTestHost Host { get; private set; } = null!;
    /// <summary>Extra settings for this fixture (e.g. the SMTP relay), applied to every start.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public async Task InitializeAsync()
    {
        Broker = await RabbitMqVirtualHost.CreateAsync("alerting-test");
        Host = await StartHostAsync();
    }

    /// <summary>A new Alerting process on the same broker and database: what a restart after a crash looks like.</summary>
    public async Task<ServiceTestHost> StartHostAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["ConnectionStrings:RabbitMq"] = Broker.ConnectionString,
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Alerting"] = Database.ConnectionString,
            ["Alerting:AdminApiKey"] = AdminKey,
            ["Alerting:AllowPrivateWebhooks"] = "true", // the receivers are on loopback
            ["Alerting:StoreBaseUrl"] = "http://store.test",
            ["Alerting:FirstRetryDelay"] = "00:00:00.200",
            ["Alerting:MaxRetryDelay"] = "00:00:02",
            ["Alerting:ClaimDuration"] = "00:00:10",
            // Shorter than the claim, so a replica may start a send in the first half of its claim.
            ["Alerting:WebhookTimeout"] = "00:00:05",
            ["Alerting:Smtp:Timeout"] = "00:00:05",
            ["Alerting:DigestCheckInterval"] = "00:00:01",
            ["Alerting:StreamQueueLinger"] = "00:00:01",
        };
        foreach (var (key, value) in Settings) settings[key] = value;
        return await ServiceTestHost.StartAsync(settings,
            b => { b.AddServiceDefaults(); b.AddAlertingServices(); b.AddIngestionBus(AlertingApplication.AddAlertingConsumers); },
            a => { a.MapDefaultEndpoints(); a.MapAlertingEndpoints(); });
    }

    /// <summary>Stops the running host (deliveries in flight are cut off), then starts a new one on the same broker and database.</summary>
    public async Task RestartAsync(Action? whileDown = null)
    {
        await Host.DisposeAsync();
        whileDown?.Invoke();
        // MassTransit keeps its log context in an async-local that still holds the stopped host's logger factory.
        LogContext.Current = null;
        Host = await StartHostAsync();
    }

    public Task PublishAsync<T>(T message) where T : class => Host.App.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>A server-sent events client of GET <paramref name="path"/> (/alerts/stream...) with the admin key, once the stream has greeted it.</summary>
    public Task<ServerSentEventsClient> ConnectStreamAsync(string path) =>
        ServerSentEventsClient.ConnectAsync(new Uri(Host.BaseAddress, path), new Dictionary<string, string> { ["X-Api-Key"] = AdminKey });

    public HttpClient Client(string? apiKey = AdminKey)
    {
        var client = Host.CreateClient();
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Creates a subscription through the API; returns its id and signing secret.</summary>
    public async Task<(Guid Id, string Secret)> SubscribeAsync(object request, string apiKey = AdminKey)
    {
        using var client = Client(apiKey);
        var response = await client.PostAsJsonAsync("/subscriptions", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /subscriptions: {(int)response.StatusCode} {body}");
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("subscription").GetProperty("id").GetGuid(), json.GetProperty("secret").GetString()!);
    }

    /// <summary>Every delivery's state, for a failure message that says what happened.</summary>
    public Task<string> DescribeDeliveriesAsync() => InDatabaseAsync(async db => string.Join("\n",
        (await db.Deliveries.AsNoTracking().ToListAsync()).Select(d => $"{d.MessageId} {d.Status} attempts={d.Attempts} code={d.ResponseCode} error={d.LastError}")));

    public async Task<T> InDatabaseAsync<T>(ServiceTestHost host, Func<AlertingDbContext, Task<T>> query)
    {
        using var scope = host.App.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AlertingDbContext>());
    }

    public Task<T> InDatabaseAsync<T>(Func<AlertingDbContext, Task<T>> query) => InDatabaseAsync(Host, query);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Broker.DisposeAsync();
        await Database.DisposeAsync();
    }
}
