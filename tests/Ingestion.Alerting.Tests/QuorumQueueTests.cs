using System.Net;
using Ingestion.Testing;
using static Ingestion.Alerting.Tests.Incidents;

namespace Ingestion.Alerting.Tests;

/// <summary>
/// Bus:QuorumQueues, the setting of the scale-out Compose profile, on the real broker: the service's own queues are
/// declared as quorum queues, and the stream's queue stays a classic one that goes with its consumer. (Before, the
/// endpoint callback turned the stream's temporary queue into a durable quorum queue, which outlived its process and
/// filled with every event after.)
/// </summary>
public sealed class QuorumQueueTests : IAsyncLifetime
{
    private readonly AlertingTestHost alerting = new() { Settings = { ["Bus:QuorumQueues"] = "true" } };

    public Task InitializeAsync() => alerting.InitializeAsync();

    public Task DisposeAsync() => alerting.DisposeAsync();

    [Fact]
    public async Task Durable_queues_are_quorum_queues_and_the_stream_still_binds_its_own()
    {
        var queues = await alerting.Broker.QueuesAsync();
        Assert.Equal("quorum", Assert.Single(queues, q => q.Name == "alert-on-incident").Type);

        await using var client = await alerting.ConnectStreamAsync("/alerts/stream");
        var stream = Assert.Single(await alerting.Broker.QueuesAsync(), q => q.Name.Contains("stream-alerts"));
        Assert.Equal(("classic", false), (stream.Type, stream.Durable));

        var incident = Make("rocket_attack", Erbil);
        await alerting.PublishAsync(Opened(incident));
        await Eventually.ReturnsAsync(() => Task.FromResult(client.Events.ToArray()), e => e.Length >= 1, TimeSpan.FromSeconds(60), "a stream event");
        using var http = alerting.Client();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }
}
