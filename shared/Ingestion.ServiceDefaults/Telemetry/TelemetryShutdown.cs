using Microsoft.Extensions.Hosting;
using OpenTelemetry;

namespace Ingestion.ServiceDefaults.Telemetry;

/// <summary>
/// Disposes the OpenTelemetry SDK once the host has stopped, which exports the spans and metrics still buffered.
/// The container never disposes an instance it was handed, so without this a stop lost the spans of its last
/// seconds (exported every 5 s) and the metrics of its last minute (exported every 60 s). Logs are the host's own
/// logging provider and flushed with it.
/// </summary>
internal sealed class TelemetryShutdown(OpenTelemetrySdk sdk, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // After every hosted service has stopped: what they record while stopping is exported too.
        lifetime.ApplicationStopped.Register(sdk.Dispose);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
