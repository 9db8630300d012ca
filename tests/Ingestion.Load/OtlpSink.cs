using System.Collections.Concurrent;
using Ingestion.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ingestion.Load;

/// <summary>
/// Stands in for an OpenTelemetry collector (OTLP over HTTP with protobuf bodies): accepts every export and counts
/// requests and bytes per signal, so a run can show what exporting costs the services and how much they send.
/// The payloads are read and dropped; a real collector's own work is not part of the services' cost.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, (long Requests, long Bytes)> received = new();
    private readonly ConcurrentDictionary<string, long> items = new();

    private OtlpSink(WebApplication app) => this.app = app;

    public string Endpoint => app.Urls.First();

    /// <summary>Requests and bytes received so far, by signal (traces, metrics, logs).</summary>
    public IReadOnlyDictionary<string, (long Requests, long Bytes)> Received => received;

    /// <summary>Spans and log records received so far, by "traces|logs service: span name or category".</summary>
    public IReadOnlyDictionary<string, long> Items => items;

    public static async Task<OtlpSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new OtlpSink(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request, HttpResponse response) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var bytes = body.Length;
            sink.received.AddOrUpdate(signal, (1, bytes), (_, total) => (total.Requests + 1, total.Bytes + bytes));
            var counted = signal switch
            {
                "traces" => OtlpCensus.Spans(body.ToArray()),
                "logs" => OtlpCensus.LogRecords(body.ToArray()),
                _ => [],
            };
            foreach (var item in counted) sink.items.AddOrUpdate($"{signal} {item}", 1, (_, n) => n + 1);
            // An empty Export*ServiceResponse: everything accepted.
            response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        return sink;
    }

    /// <summary>The services' settings that export to this sink, with the given trace sampler (null: the SDK's default, every trace).</summary>
    public IReadOnlyDictionary<string, string?> ServiceSettings(double? sampleRatio) => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_TRACES_SAMPLER"] = sampleRatio is null ? null : "parentbased_traceidratio",
        ["OTEL_TRACES_SAMPLER_ARG"] = sampleRatio?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>What the services exported since <paramref name="before"/>, per article: KB and requests by signal.</summary>
    public string PerArticle(IReadOnlyDictionary<string, (long Requests, long Bytes)> before, int articles) =>
        string.Join(", ", received.OrderBy(r => r.Key).Select(r =>
        {
            var (requests, bytes) = before.TryGetValue(r.Key, out var b) ? (r.Value.Requests - b.Requests, r.Value.Bytes - b.Bytes) : r.Value;
            return $"{r.Key} {bytes / 1024.0 / articles:0.0} KB an article ({requests} requests)";
        }));

    /// <summary>The spans and log records exported since <paramref name="before"/>, per article, most frequent first.</summary>
    public IEnumerable<string> ItemsPerArticle(IReadOnlyDictionary<string, long> before, int articles) =>
        items.Select(i => (i.Key, Count: i.Value - before.GetValueOrDefault(i.Key)))
            .Where(i => i.Count > 0)
            .OrderByDescending(i => i.Count)
            .Select(i => $"{(double)i.Count / articles,6:0.00}  {i.Key}");

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
