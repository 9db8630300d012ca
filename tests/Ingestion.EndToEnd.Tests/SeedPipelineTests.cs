using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Alerting;
using Ingestion.Contracts;
using Ingestion.Store.Data;
using Ingestion.Testing;

namespace Ingestion.EndToEnd.Tests;

/// <summary>
/// The seed feed served by a local HTTP server, read by the running platform, down to signed webhooks
/// at a local receiver: once with separate hosts on RabbitMQ and PostgreSQL, once embedded.
/// </summary>
public sealed class SeedPipelineTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly SpanCollector spans = new();
    private StaticFileServer seeds = null!;
    private WebhookReceiver receiver = null!;
    private readonly string dataFolder = Directory.CreateTempSubdirectory("ingestion-e2e").FullName;

    public async Task InitializeAsync()
    {
        seeds = await StaticFileServer.StartAsync(TestInfrastructure.SeedsDirectory);
        receiver = await WebhookReceiver.StartAsync();
    }

    [Fact]
    public async Task Seed_feed_flows_to_stored_incidents_and_signed_alerts_across_separate_hosts()
    {
        await using var hosts = await PipelineHosts.StartSeparateAsync();
        await RunSeedScenarioAsync(hosts);
    }

    [Fact]
    public async Task Seed_feed_flows_to_stored_incidents_and_signed_alerts_in_embedded_mode()
    {
        await using var hosts = await PipelineHosts.StartEmbeddedAsync(dataFolder);
        await RunSeedScenarioAsync(hosts);
    }

    private async Task RunSeedScenarioAsync(PipelineHosts hosts)
    {
        var expected = ExpectedIncidents.CountInSeeds();
        var secret = await SubscribeAsync(hosts.Alerting);
        using (var feeds = new HttpClient { BaseAddress = hosts.FeedWorker })
            (await feeds.PostAsJsonAsync("/feeds", new { url = $"{seeds.BaseUrl}/seed-feed.xml", name = "seed" })).EnsureSuccessStatusCode();

        using var store = new HttpClient { BaseAddress = hosts.Store };
        var incidents = await Eventually.ReturnsAsync(() => store.GetFromJsonAsync<List<IncidentSnapshot>>("/incidents?limit=500")!,
            list => list!.Count >= expected && list.Sum(i => i.ArticleCount) >= list.Count + 1, Timeout, $"{expected} stored incidents");
        // Settle: no further incident may appear (a duplicate would show up here).
        await Task.Delay(TimeSpan.FromSeconds(2));
        incidents = await store.GetFromJsonAsync<List<IncidentSnapshot>>("/incidents?limit=500");
        Assert.Equal(expected, incidents!.Count);

        // The 21 April 2024 rocket attack near Rumeilan, told by articles 002 and 003, is one incident with both articles.
        var rumeilan = Assert.Single(incidents, i => i.Kind == "rocket_attack" && i.Date == new DateOnly(2024, 4, 21));
        Assert.Equal("SY", rumeilan.Place!.Country);
        var detail = await store.GetFromJsonAsync<IncidentDetail>($"/incidents/{rumeilan.IncidentId}");
        Assert.Equal(2, detail!.Mentions.Select(m => m.ArticleId).Distinct().Count());

        var alerts = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Requests.ToList()), list => list.Count >= expected, Timeout, "one alert per incident");
        await Task.Delay(TimeSpan.FromSeconds(2));
        alerts = receiver.Requests.ToList();
        Assert.Equal(expected, alerts.Count);
        Assert.Equal(expected, alerts.Select(a => a.Id).Distinct().Count());
        Assert.All(alerts, a => Assert.True(WebhookSignature.Verify(secret, a.Id, a.Timestamp, a.Body, a.Signature), "signature"));
        var alerted = alerts.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("incident").GetProperty("incidentId").GetGuid()).ToHashSet();
        Assert.True(alerted.SetEquals(incidents.Select(i => i.IncidentId)), "every stored incident alerted once");

        // Every alert, not one: a Store batch's events travel in one message, and each must keep its own trace.
        Assert.All(alerts, AssertOneTraceFromPollToWebhook);
    }

    private void AssertOneTraceFromPollToWebhook(WebhookReceiver.Received alert)
    {
        Assert.NotNull(alert.TraceParent);
        var traceId = alert.TraceParent!.Split('-')[1];
        var journey = spans.Spans.Where(s => s.TraceId.ToHexString() == traceId).ToList();
        foreach (var step in new[] { "poll feed", "process-article process", "read main text", "extract incidents", "store-incident process", "resolve mention", "deliver webhook" })
            Assert.Contains(step, journey.Select(s => s.DisplayName));
        // The consumers tag MassTransit's consume spans with what they did.
        Assert.Contains(journey, s => s.DisplayName == "process-article process" && s.GetTagItem("article.result") is not null);
        Assert.Contains(journey, s => s.DisplayName == "store-incident process" && s.GetTagItem("incident.mentions") is not null);
    }

    private async Task<string> SubscribeAsync(Uri alerting)
    {
        using var http = new HttpClient { BaseAddress = alerting };
        http.DefaultRequestHeaders.Add("X-Api-Key", PipelineHosts.AdminKey);
        var response = await http.PostAsJsonAsync("/subscriptions", new { name = "e2e receiver", webhookUrl = receiver.Url });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }

    public async Task DisposeAsync()
    {
        spans.Dispose();
        await receiver.DisposeAsync();
        await seeds.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }
}
