using Ingestion.FeedWorker.Data;
using Ingestion.FeedWorker.Polling;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.FeedWorker.Api;

/// <summary>Feed health (GET /feeds) and adding a feed (POST /feeds).</summary>
public static class FeedEndpoints
{
    public sealed record AddFeedRequest(string? Url, string? Name);

    public static void MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds", async (FeedsDbContext db, CancellationToken ct) =>
            (await db.Feeds.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct)).Select(f => new
            {
                f.Id, f.Url, f.Name, f.Enabled, Healthy = f.ConsecutiveErrors == 0 && f.LastError is null,
                f.LastPolledAt, f.LastSuccessAt, f.LastError, f.ConsecutiveErrors, f.ItemsSeen, f.NextPollAt,
            }));

        app.MapPost("/feeds", async (AddFeedRequest request, FeedsDbContext db, FeedPollWakeSignal wake, TimeProvider time, CancellationToken ct) =>
        {
            if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["url"] = ["An absolute http(s) URL"] }, title: "Invalid feed");
            var feed = await FeedCatalog.AddIfMissingAsync(db, url.AbsoluteUri, request.Name, time.GetUtcNow(), ct);
            if (feed is null) return Results.Problem(statusCode: 409, title: "Feed exists", detail: $"{url} is already polled");
            wake.Notify();
            return Results.Created($"/feeds/{feed.Id}", new { feed.Id, feed.Url, feed.Name });
        });
    }
}
