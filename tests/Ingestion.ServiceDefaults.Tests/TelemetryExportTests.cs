using System.Collections.Concurrent;
using System.Text;
using Ingestion.ServiceDefaults.Telemetry;
using Ingestion.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ingestion.ServiceDefaults.Tests;

/// <summary>
/// Tests that change the process's environment or rely on which ActivityListeners exist: they run alone, after
/// the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "process-wide state";
}

/// <summary>What a host exports over OTLP, to a real OTLP/HTTP receiver started by the test.</summary>
[Collection(ProcessWideCollection.Name)]
public sealed class TelemetryExportTests
{
    private const string ProbeSpan = "telemetry-export-probe";
    private const string ProbeService = "telemetry-export-probe-service";

    [Fact]
    public async Task A_stopping_host_exports_the_spans_metrics_and_logs_it_still_holds()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using var collector = await ServiceTestHost.StartAsync(new Dictionary<string, string?>(), _ => { },
            app => app.MapPost("/v1/{signal}", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                received.Enqueue((request.Path.Value!, body.ToArray()));
                return Results.Ok();
            }));

        // The SDK's exporter reads its endpoint from the environment, as under Compose.
        using var environment = new EnvironmentScope(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseAddress.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = ProbeService,
        });
        var service = await ServiceTestHost.StartAsync(new Dictionary<string, string?>(), builder => builder.AddServiceDefaults(), app => app.MapDefaultEndpoints());
        await using (service)
        {
            using (var span = IngestionTelemetry.Source.StartActivity(ProbeSpan)) Assert.NotNull(span);
            IngestionTelemetry.ArticlesCollected.Add(1);
            service.App.Services.GetRequiredService<ILogger<TelemetryExportTests>>().LogWarning("telemetry export probe");
        } // stops the host

        // Exported by the time the stop returned, well inside the 5 s (spans) and 60 s (metrics) export intervals.
        Assert.Contains($"{ProbeService}: {ProbeSpan}", received.Where(r => r.Path == "/v1/traces").SelectMany(r => OtlpCensus.Spans(r.Body)));
        Assert.Contains($"{ProbeService}: {typeof(TelemetryExportTests).FullName}", received.Where(r => r.Path == "/v1/logs").SelectMany(r => OtlpCensus.LogRecords(r.Body)));
        // Protobuf keeps names as UTF-8 bytes: decoded loosely, they can be searched for.
        Assert.Contains(received, r => r.Path == "/v1/metrics" && Encoding.UTF8.GetString(r.Body).Contains("ingestion.articles.collected"));
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_no_span_is_recorded()
    {
        using var environment = new EnvironmentScope(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null });
        await using var service = await ServiceTestHost.StartAsync(new Dictionary<string, string?>(), builder => builder.AddServiceDefaults(), app => app.MapDefaultEndpoints());

        using var span = IngestionTelemetry.Source.StartActivity(ProbeSpan);

        Assert.Null(span);
    }

    /// <summary>Sets environment variables for one test and puts the previous values back.</summary>
    private sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> previous = [];

        public EnvironmentScope(IReadOnlyDictionary<string, string?> values)
        {
            foreach (var (key, value) in values)
            {
                previous[key] = Environment.GetEnvironmentVariable(key);
                Environment.SetEnvironmentVariable(key, value);
            }
        }

        public void Dispose()
        {
            foreach (var (key, value) in previous) Environment.SetEnvironmentVariable(key, value);
        }
    }
}
