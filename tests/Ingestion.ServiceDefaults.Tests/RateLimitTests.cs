using System.Net;
using Ingestion.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ingestion.ServiceDefaults.Tests;

/// <summary>The per-address limit every service's HTTP API carries, on a real host.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Requests_past_the_limit_get_429_with_a_problem_description_and_retry_after()
    {
        await using var host = await ServiceTestHost.StartAsync(
            new Dictionary<string, string?> { ["RateLimits:PermitsPerWindow"] = "3", ["RateLimits:Window"] = "00:10:00" },
            builder => builder.AddServiceDefaults(),
            app => { app.MapDefaultEndpoints(); app.MapGet("/ping", () => Results.Ok("pong")); });
        using var http = host.CreateClient();

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/ping")).StatusCode);
        var refused = await http.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        // Health probes are never limited: an orchestrator must always see the service.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);
    }
}
