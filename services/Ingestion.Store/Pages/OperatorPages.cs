using Microsoft.Extensions.Options;

namespace Ingestion.Store.Pages;

/// <summary>
/// Operator pages served by the Store itself: /ops (incident map and timeline), /ops/incident?id= (sources,
/// figures and evidence), /ops/feeds (feed health). Plain HTML and scripts that call the read API.
/// </summary>
public static class OperatorPages
{
    public static IHostApplicationBuilder AddOperatorPages(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<OperatorPageOptions>(builder.Configuration.GetSection(OperatorPageOptions.Section));
        builder.Services.AddHttpClient<FeedHealthClient>();
        return builder;
    }

    public static void MapOperatorPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ops", () => OperatorAssets.Serve("index.html"));
        app.MapGet("/ops/incident", () => OperatorAssets.Serve("incident.html"));
        app.MapGet("/ops/feeds", () => OperatorAssets.Serve("feeds.html"));
        app.MapGet("/ops/assets/{name}", (string name) => OperatorAssets.Serve(name));

        // What the scripts need to know about this deployment.
        app.MapGet("/ops/api/config", (IOptions<OperatorPageOptions> options) =>
            Results.Ok(new { mapTileUrl = options.Value.MapTileUrl, feedHealthConfigured = options.Value.FeedWorkerUrl is not null }));

        app.MapGet("/ops/api/feed-health", async (FeedHealthClient feeds, CancellationToken ct) =>
        {
            if (!feeds.Configured) return Results.Ok(new { configured = false, feeds = Array.Empty<object>() });
            return await feeds.GetFeedsAsync(ct) is { } list
                ? Results.Ok(new { configured = true, feeds = list })
                : Results.Problem(statusCode: 502, title: "Feed health unavailable", detail: "The FeedWorker did not answer GET /feeds; see the Store's log.");
        });
    }
}
