using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ingestion.Alerting.Delivery;
using Ingestion.Contracts;

namespace Ingestion.Alerting.Benchmarks.Deliveries;

/// <summary>
/// Deliveries per second through a real Alerting host: N subscriptions on one loopback receiver, IncidentOpened
/// events published on the bus, timed until the receiver has every delivery; then, in the same run and to the
/// same receiver, raw signed POSTs from one HttpClient at the same concurrency, the ceiling to compare with.
/// </summary>
public static class DeliveryMeasurement
{
    private static readonly CultureInfo N = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--count", 2000);
        var subscriptions = Option(args, "--subscriptions", 20);
        var events = Math.Max(1, count / subscriptions);
        var deliveries = events * subscriptions;
        Console.WriteLine($"{deliveries} deliveries = {events} IncidentOpened events x {subscriptions} subscriptions, one loopback receiver answering 204");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load before: {LoadAverage()}");
        await using var receiver = await CountingReceiver.StartAsync();
        foreach (var (name, real) in new[] { ("RabbitMQ + PostgreSQL", true), ("in-memory bus + SQLite", false) })
        {
            await using var alerting = await AlertingUnderTest.StartAsync(real);
            await alerting.SubscribeAsync(receiver.Url, subscriptions);
            // Warm-up: the first deliveries pay for JIT compilation, connection set-up and the matcher's first load.
            await DeliverAsync(alerting, receiver, Math.Max(1, events / 10), subscriptions);
            var (elapsed, latencies) = await DeliverAsync(alerting, receiver, events, subscriptions);
            var concurrency = Math.Min(alerting.DeliveryConcurrency, subscriptions);
            var raw = await RawBaseline.RunAsync(receiver, SamplePayload(), deliveries, concurrency);
            var ours = deliveries / elapsed.TotalSeconds;
            var rawRate = deliveries / raw.TotalSeconds;
            Console.WriteLine($"{name}: {ours.ToString("0", N)} deliveries/s ({elapsed.TotalSeconds.ToString("0.00", N)} s); "
                + $"published -> received p50 {Percentile(latencies, 0.50)} ms, p95 {Percentile(latencies, 0.95)} ms, p99 {Percentile(latencies, 0.99)} ms");
            Console.WriteLine($"  raw signed POSTs, one HttpClient, {concurrency} at once: {rawRate.ToString("0", N)} deliveries/s ({raw.TotalSeconds.ToString("0.00", N)} s); "
                + $"ours/raw = {(ours / rawRate).ToString("0.000", N)}");
        }
        Console.WriteLine($"load after: {LoadAverage()}");
        return 0;
    }

    /// <summary>Publishes the events one after another and waits for every delivery; returns the time from the first publish to the last arrival, and each delivery's latency.</summary>
    private static async Task<(TimeSpan Elapsed, double[] LatenciesMs)> DeliverAsync(AlertingUnderTest alerting, CountingReceiver receiver, int events, int subscriptions)
    {
        receiver.Expect(events * subscriptions);
        var published = new Dictionary<Guid, long>();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < events; i++)
        {
            var incident = Incident();
            published[incident.IncidentId] = Stopwatch.GetTimestamp();
            await alerting.PublishAsync(new IncidentOpened { Incident = incident, CollectedAt = DateTimeOffset.UtcNow });
        }
        await receiver.WaitAsync(TimeSpan.FromSeconds(Math.Max(120, events * subscriptions / 10.0)));
        var arrivals = receiver.Arrivals.ToList();
        // webhook-id = {subscription:N}-{incident:N}-{revision}
        var latencies = arrivals.Select(a => Stopwatch.GetElapsedTime(published[Guid.ParseExact(a.Key.Split('-')[1], "N")], a.Value).TotalMilliseconds).ToArray();
        return (Stopwatch.GetElapsedTime(started, arrivals.Max(a => a.Value)), latencies);
    }

    private static IncidentSnapshot Incident() => new()
    {
        IncidentId = Guid.NewGuid(), Revision = 1, Kind = "rocket_attack", Date = new DateOnly(2024, 4, 21),
        Place = new ReportedPlace { Id = "rumeilan", Name = "Rumeilan", NameArabic = "الرميلان", Country = "SY", Lat = 36.65, Lon = 41.52, Precision = "city" },
        Attacker = "islamic_resistance_in_iraq", Target = "us_forces", Killed = 1, SourceCount = 2, ArticleCount = 2, Confidence = 0.8,
        Evidence = "سقطت صواريخ قرب قاعدة للقوات الأميركية", FirstSeen = new DateOnly(2024, 4, 21), LastSeen = new DateOnly(2024, 4, 21),
    };

    /// <summary>The body the service sends for such an event, so the raw POSTs carry the same bytes.</summary>
    private static string SamplePayload()
    {
        var incident = Incident();
        return JsonSerializer.Serialize(new AlertPayload("incident.opened", DateTimeOffset.UtcNow, incident, [], $"http://localhost:8081/incidents/{incident.IncidentId}"), AlertPayload.Json);
    }

    private static string Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)].ToString("0", N);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], N, out var value) && value > 0 ? value : fallback;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";
}
