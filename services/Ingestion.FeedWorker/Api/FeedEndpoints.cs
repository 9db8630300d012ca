using Ingestion.FeedWorker.Data;
using Ingestion.FeedWorker.Polling;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.FeedWorker.Api;

/// <summary>Feed health and management: list, get, add, disable and enable feeds.</summary>
public static class FeedEndpoints
{
    public const int MaxNameLength = 200;
    public const int MaxUrlLength = 2000;

    public sealed record AddFeedRequest(string? Url, string? Name);

    public static void MapFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feeds", async (FeedsDbContext db, CancellationToken ct) =>
            (await db.Feeds.AsNoTracking().OrderBy(f => f.Name).ThenBy(f => f.Url).ToListAsync(ct)).Select(FeedView.From));

        app.MapGet("/feeds/{id}", async (string id, FeedsDbContext db, CancellationToken ct) =>
            await FindAsync(db, id, ct) is { } feed ? Results.Ok(FeedView.From(feed)) : UnknownFeed(id));

        app.MapPost("/feeds", async (AddFeedRequest? request, FeedsDbContext db, FeedPollWakeSignal wake, TimeProvider time, CancellationToken ct) =>
        {
            if (Validate(request) is { } problems) return Results.ValidationProblem(problems, title: "Invalid feed");
            var url = new Uri(request!.Url!);
            var feed = await FeedCatalog.AddIfMissingAsync(db, url.AbsoluteUri, request.Name, time.GetUtcNow(), ct);
            if (feed is null) return Results.Problem(statusCode: 409, title: "Feed exists", detail: $"{url.AbsoluteUri} is already polled");
            wake.Notify();
            return Results.Created($"/feeds/{feed.Id}", FeedView.From(feed));
        });

        app.MapPost("/feeds/{id}/disable", (string id, FeedsDbContext db, FeedPollWakeSignal wake, TimeProvider time, CancellationToken ct) =>
            SetEnabledAsync(id, enabled: false, db, wake, time, ct));
        app.MapPost("/feeds/{id}/enable", (string id, FeedsDbContext db, FeedPollWakeSignal wake, TimeProvider time, CancellationToken ct) =>
            SetEnabledAsync(id, enabled: true, db, wake, time, ct));
    }

    private static async Task<IResult> SetEnabledAsync(string id, bool enabled, FeedsDbContext db, FeedPollWakeSignal wake, TimeProvider time, CancellationToken ct)
    {
        if (await FindAsync(db, id, ct) is not { } feed) return UnknownFeed(id);
        if (enabled && !feed.Enabled)
        {
            // A re-enabled feed is polled at once, with a clean error count: it was usually fixed before.
            feed.NextPollAt = time.GetUtcNow();
            feed.ConsecutiveErrors = 0;
            wake.Notify();
        }
        feed.Enabled = enabled;
        await db.SaveChangesAsync(ct);
        return Results.Ok(FeedView.From(feed));
    }

    private static async Task<FeedRecord?> FindAsync(FeedsDbContext db, string id, CancellationToken ct) =>
        Guid.TryParse(id, out var guid) ? await db.Feeds.FindAsync([guid], ct) : null;

    private static IResult UnknownFeed(string id) =>
        Results.Problem(statusCode: 404, title: "Unknown feed", detail: $"No feed has the id '{id}'");

    private static Dictionary<string, string[]>? Validate(AddFeedRequest? request)
    {
        var problems = new Dictionary<string, string[]>();
        if (request is null) return new() { ["body"] = ["A JSON object { \"url\": ..., \"name\": ... }"] };
        if (string.IsNullOrWhiteSpace(request.Url) || request.Url.Length > MaxUrlLength
            || !Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.UserInfo))
            problems["url"] = [$"An absolute http(s) URL without credentials, at most {MaxUrlLength} characters"];
        if (request.Name is { Length: > MaxNameLength }) problems["name"] = [$"At most {MaxNameLength} characters"];
        return problems.Count == 0 ? null : problems;
    }
}
