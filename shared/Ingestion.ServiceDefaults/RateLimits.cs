using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingestion.ServiceDefaults;

/// <summary>Section "RateLimits": requests one client address may make per window, on every HTTP API.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";
    public int PermitsPerWindow { get; set; } = 600;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

internal static class RateLimits
{
    /// <summary>
    /// A fixed window per client address over every endpoint except health probes: one noisy client
    /// cannot starve the others. Refusals are 429 problem descriptions with Retry-After.
    /// </summary>
    public static void AddIngestionRateLimits(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsHealthProbe(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitsPerWindow, Window = options.Window, QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: 429, title: "Too many requests",
                    detail: $"At most {options.PermitsPerWindow} requests per {options.Window.TotalSeconds:0} s from one address").ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    private static bool IsHealthProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/alive");
}
