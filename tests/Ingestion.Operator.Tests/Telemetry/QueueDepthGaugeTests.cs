using System.Diagnostics.Metrics;
using Ingestion.ServiceDefaults;
using Ingestion.ServiceDefaults.Telemetry;
using Ingestion.Testing;
using RabbitMQ.Client;

namespace Ingestion.Operator.Tests.Telemetry;

/// <summary>The ingestion.queue.depth gauge against the real broker's management API.</summary>
public sealed class QueueDepthGaugeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Gauge_reports_the_messages_waiting_in_a_real_queue()
    {
        await using var broker = await RabbitMqVirtualHost.CreateAsync("queue-depth");
        await PublishAsync(broker, "depth-probe", count: 3);
        await using var host = await StartHostAsync(new Uri(TestInfrastructure.RabbitMqManagement), broker.ConnectionString);

        // The management API refreshes its statistics every few seconds.
        var ready = await Eventually.ReturnsAsync(() => Task.FromResult(Observe("depth-probe", "ready")), n => n == 3, Timeout, "3 ready messages in depth-probe");
        Assert.Equal(3, ready);
        Assert.Equal(0, Observe("depth-probe", "unacknowledged"));
    }

    [Fact]
    public async Task Gauge_reports_nothing_rather_than_stale_depths_when_the_management_API_is_unreachable()
    {
        IngestionTelemetry.SetQueueDepths([new QueueDepthReading("stale", 42, 0)]);
        await using var host = await StartHostAsync(new Uri("http://127.0.0.1:1"), "amqp://guest:guest@127.0.0.1:5672/");
        await Eventually.ReturnsAsync(() => Task.FromResult(Observe("stale", "ready")), n => n is null, Timeout, "the stale reading to disappear");
    }

    private static Task<ServiceTestHost> StartHostAsync(Uri management, string amqp) => ServiceTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Telemetry:QueueDepth:ManagementUrl"] = management.ToString(),
        ["Telemetry:QueueDepth:Interval"] = "00:00:01",
        ["ConnectionStrings:RabbitMq"] = amqp,
    }, b => b.AddServiceDefaults(), _ => { });

    private static async Task PublishAsync(RabbitMqVirtualHost broker, string queue, int count)
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
        for (var i = 0; i < count; i++) await channel.BasicPublishAsync("", queue, "probe"u8.ToArray());
    }

    private static long? Observe(string queue, string state)
    {
        long? value = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument == IngestionTelemetry.QueueDepth) l.EnableMeasurementEvents(instrument); },
        };
        listener.SetMeasurementEventCallback<long>((_, measurement, tags, _) =>
        {
            var labels = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            if (labels["queue"] == queue && labels["state"] == state) value = measurement;
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return value;
    }
}
