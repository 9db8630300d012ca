using System.Net;
using System.Text.Json;
using Ingestion.Alerting.Streaming;
using Ingestion.Contracts;
using Ingestion.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Ingestion.Alerting.Tests.Incidents;

namespace Ingestion.Alerting.Tests;

/// <summary>GET /alerts/stream read by a real SSE client while events cross the real broker.</summary>
public sealed class StreamTests(AlertingTestHost alerting) : IClassFixture<AlertingTestHost>
{
    private ServerSentEventsClient.Event[] EventsOf(ServerSentEventsClient client) => client.Events.ToArray();

    [Fact]
    public async Task Stream_client_receives_the_events_its_filters_match_and_nothing_else()
    {
        await using var client = await alerting.ConnectStreamAsync("/alerts/stream?countries=IQ&revisions=casualties");
        var stream = alerting.Host.App.Services.GetRequiredService<AlertStream>();
        // Another test's client, just gone, may not have been noticed leaving yet.
        await Eventually.ReturnsAsync(() => Task.FromResult(stream.ListenerCount), n => n == 1, TimeSpan.FromSeconds(30), "this client the only listener");

        var iraq = Make("drone_attack", Erbil);
        // Store batches' events travel together (IncidentsChanged); lone events are still taken.
        await alerting.PublishAsync(new IncidentsChanged { Opened = [Opened(Make("rocket_attack", Rumeilan)), Opened(iraq)] });
        await alerting.PublishAsync(Revised(iraq with { Revision = 2, SourceCount = 2 }, "corroboration"));
        await alerting.PublishAsync(new IncidentsChanged { Revised = [Revised(iraq with { Revision = 3, Killed = 1 }, "casualties")] });

        var events = await Eventually.ReturnsAsync(() => Task.FromResult(EventsOf(client)), e => e.Length >= 2, TimeSpan.FromSeconds(60), "two stream events");
        await Task.Delay(TimeSpan.FromSeconds(2));
        events = EventsOf(client);
        Assert.Equal(["incident.opened", "incident.revised"], events.Select(e => e.Type).Order());
        Assert.All(events, e => Assert.Equal(iraq.IncidentId, JsonDocument.Parse(e.Data).RootElement.GetProperty("incident").GetProperty("incidentId").GetGuid()));
        Assert.Contains(events, e => e.Id == $"{iraq.IncidentId:N}-3");
    }

    [Fact]
    public async Task Stream_queue_is_bound_only_while_clients_listen()
    {
        var queue = alerting.Host.App.Services.GetRequiredService<StreamQueue>();
        // Another test's client may have just left: its queue goes after the linger (a second here).
        await Eventually.ReturnsAsync(StreamQueuesAsync, q => q.Count == 0, TimeSpan.FromSeconds(30), "no stream queue while nobody listens");
        Assert.False(queue.IsBound);

        await using (await alerting.ConnectStreamAsync("/alerts/stream"))
        await using (await alerting.ConnectStreamAsync("/alerts/stream?kinds=drone_attack"))
        {
            Assert.True(queue.IsBound);
            Assert.Single(await StreamQueuesAsync());
        }
        await Eventually.ReturnsAsync(StreamQueuesAsync, q => q.Count == 0, TimeSpan.FromSeconds(30), "the stream queue deleted after the last client left");
        Assert.False(queue.IsBound);

        // The next client binds a queue again, and hears what is published after it connected.
        await using var client = await alerting.ConnectStreamAsync("/alerts/stream");
        var incident = Make("drone_attack", Erbil);
        await alerting.PublishAsync(Opened(incident));
        var heard = await Eventually.ReturnsAsync(() => Task.FromResult(EventsOf(client)), e => e.Length >= 1, TimeSpan.FromSeconds(60), "an event after rebinding");
        Assert.Equal(incident.IncidentId, JsonDocument.Parse(heard[0].Data).RootElement.GetProperty("incident").GetProperty("incidentId").GetGuid());
    }

    private async Task<List<string>> StreamQueuesAsync() =>
        (await alerting.Broker.QueuesAsync()).Select(q => q.Name).Where(n => n.Contains("stream-alerts")).ToList();

    [Fact]
    public async Task Stream_refuses_bad_filters_and_missing_keys()
    {
        using var anonymous = alerting.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/alerts/stream")).StatusCode);
        using var admin = alerting.Client();
        var bad = await admin.GetAsync("/alerts/stream?near=33,44&minKilled=many");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("near", body);
        Assert.Contains("minKilled", body);
    }
}
