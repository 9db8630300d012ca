using System.Text.Json;
using Ingestion.FeedWorker.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ingestion.FeedWorker.Polling;

/// <summary>Adds the configured feeds (FeedsFile and inline Feeds) at start; a feed already known by URL is left as it is.</summary>
public sealed partial class FeedCatalog(IServiceScopeFactory scopes, IOptions<FeedWorkerOptions> options, TimeProvider time, ILogger<FeedCatalog> logger) : IHostedService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task StartAsync(CancellationToken ct)
    {
        var seeds = new List<FeedSeed>(options.Value.Feeds);
        if (options.Value.FeedsFile is { Length: > 0 } file)
        {
            await using var stream = File.OpenRead(file);
            var list = await JsonSerializer.DeserializeAsync<FeedList>(stream, Json, ct)
                ?? throw new InvalidOperationException($"{file}: no feeds");
            seeds.AddRange(list.Feeds);
        }
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedsDbContext>();
        var added = 0;
        foreach (var seed in seeds)
        {
            if (await AddIfMissingAsync(db, seed.Url, seed.Name, time.GetUtcNow(), ct) is not null) added++;
        }
        LogLoaded(seeds.Count, added);
    }

    /// <summary>Adds a feed unless its URL is known; returns the new row, or null when it existed.</summary>
    public static async Task<FeedRecord?> AddIfMissingAsync(FeedsDbContext db, string url, string? name, DateTimeOffset now, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"'{url}' is not an absolute http(s) URL", nameof(url));
        if (await db.Feeds.AnyAsync(f => f.Url == uri.AbsoluteUri, ct)) return null;
        var feed = new FeedRecord { Id = Guid.NewGuid(), Url = uri.AbsoluteUri, Name = string.IsNullOrWhiteSpace(name) ? uri.Host : name.Trim(), NextPollAt = now, CreatedAt = now };
        db.Feeds.Add(feed);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Replicas starting together load the same seed list: the unique URL index lets one insert win.
            db.Entry(feed).State = EntityState.Detached;
            if (await db.Feeds.AnyAsync(f => f.Url == feed.Url, ct)) return null;
            throw;
        }
        return feed;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private sealed record FeedList(List<FeedSeed> Feeds);

    [LoggerMessage(LogLevel.Information, "{Count} configured feeds, {Added} new")]
    private partial void LogLoaded(int count, int added);
}
