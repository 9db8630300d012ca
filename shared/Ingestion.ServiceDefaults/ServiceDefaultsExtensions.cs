using Ingestion.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Ingestion.ServiceDefaults;

/// <summary>What every service host starts with: log levels, telemetry, health checks, problem details, rate limits.</summary>
public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddLoggingDefaults();
        builder.AddIngestionTelemetry();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.AddIngestionRateLimits();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// /health: ready (bus endpoints, database), what the container health check asks; /alive: the process answers.
    /// /alive leaves the bus out on purpose: a process waiting out a broker outage recovers by itself and must not be
    /// killed for it (one that cannot recover stops itself: Messaging/BusWatchdog). Mapped in every environment.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }
}
