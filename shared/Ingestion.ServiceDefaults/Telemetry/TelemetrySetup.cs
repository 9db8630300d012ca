using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ingestion.ServiceDefaults.Telemetry;

/// <summary>
/// Traces, metrics and logs over OTLP. The hosting integration package is not available here,
/// so the SDK is built directly and disposed when the host has stopped (<see cref="TelemetryShutdown"/>).
/// </summary>
public static class TelemetrySetup
{
    private static readonly string[] Sources = [IngestionTelemetry.Name, "MassTransit", "Microsoft.AspNetCore", "System.Net.Http"];
    private static readonly string[] Meters = [IngestionTelemetry.Name, "MassTransit", "Microsoft.AspNetCore.Hosting", "System.Net.Http", "System.Runtime"];

    public static IHostApplicationBuilder AddIngestionTelemetry(this IHostApplicationBuilder builder)
    {
        // Export only when a collector is configured: no endpoint, no background connection attempts.
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(serviceName));
            if (exportOtlp) logging.AddOtlpExporter();
        });
        // Console logs carry the trace id, so a log line leads to its trace in Jaeger.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var sdk = OpenTelemetrySdk.Create(otel =>
        {
            otel.ConfigureResource(r => r.AddService(serviceName));
            // Spans only where they go somewhere: with the SDK listening, every message, query and request
            // records its spans (MassTransit's alone are several a message), and without an exporter each is
            // thrown away as it ends.
            if (exportOtlp)
                otel.WithTracing(tracing => tracing.AddSource(Sources).AddOtlpExporter());
            otel.WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters);
                if (exportOtlp) metrics.AddOtlpExporter();
            });
        });
        builder.Services.AddSingleton(sdk);
        builder.Services.AddHostedService<TelemetryShutdown>();
        QueueDepthPoller.AddTo(builder);
        return builder;
    }
}
