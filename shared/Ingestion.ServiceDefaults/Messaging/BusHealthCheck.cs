using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ingestion.ServiceDefaults.Messaging;

/// <summary>
/// Part of /health (not /alive): Degraded while a receive endpoint is not ready or an outbox relay's publishes fail,
/// Unhealthy once that has lasted <see cref="BusOptions.UnhealthyAfter"/>, naming the endpoint or relay and its last state.
/// </summary>
internal sealed class BusHealthCheck(BusWatch watch, IOptions<BusOptions> options) : IHealthCheck
{
    public const string Name = "bus-endpoints";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var assessment = watch.Assess(options.Value.UnhealthyAfter);
        return Task.FromResult(new HealthCheckResult(assessment.Status, assessment.Description));
    }
}
