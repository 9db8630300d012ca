using System.Diagnostics;
using Ingestion.Feeds;
using Ingestion.FeedWorker.Data;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ingestion.FeedWorker.Polling;

/// <summary>
/// Polls one claimed feed: conditional fetch, parse, publish each new item (through the outbox, in the
/// same transaction that marks it seen), record health and the next poll time. Never throws for a bad feed:
/// the reason is recorded on the feed and the worker carries on with the others.
/// </summary>
public sealed partial class FeedPollService(FeedsDbContext db, SafeFetcher fetcher, OutboxSignal<FeedsDbContext> outbox,
    IOptions<FeedWorkerOptions> options, TimeProvider time, ILogger<FeedPollService> logger)
{
    // Polls run concurrently: Random.Shared is the thread-safe instance.
    private static Random Jitter => Random.Shared;

    /// <summary>Polls the feed unless <paramref name="leaseOwner"/> no longer holds its lease; returns whether it polled.</summary>
    public async Task<bool> PollAsync(Guid feedId, string leaseOwner, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var policy = new PollPolicy(options.Value.PollInterval, options.Value.MinPollInterval, options.Value.MaxPollInterval);
        // Stored before fetching, so a process dying mid-fetch does not make the feed due again at once; and
        // only while the lease is still ours: a worker stalled past its lease must not poll a feed another took over.
        var nextPoll = PollSchedule.NextPoll(started, policy, PollSignals.None, Jitter);
        var stillOurs = await db.Feeds.Where(f => f.Id == feedId && f.LeaseOwner == leaseOwner && f.Enabled)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.NextPollAt, nextPoll).SetProperty(f => f.LastPolledAt, started), ct);
        if (stillOurs == 0)
        {
            LogLeaseLost(feedId);
            return false;
        }
        var feed = await db.Feeds.FindAsync([feedId], ct);
        if (feed is null) return false;
        using var activity = IngestionTelemetry.Source.StartActivity("poll feed", ActivityKind.Internal, parentContext: default);
        activity?.SetTag("feed.url", feed.Url);

        var fetch = await fetcher.FetchAsync(new Uri(feed.Url), new ConditionalHeaders(feed.ETag, feed.LastModified), ct);
        IngestionTelemetry.FeedFetchDuration.Record((time.GetUtcNow() - started).TotalSeconds, new TagList { { "status", fetch.StatusCode?.ToString() ?? fetch.Outcome.ToString() } });
        var parsed = fetch.IsSuccess ? FeedParser.Parse(fetch.Body, fetch.ContentType, fetch.FinalUrl) : null;
        var error = FeedHealth.ErrorOf(fetch, parsed);
        var newItems = FeedHealth.ItemsAreUsable(parsed) ? await FeedItems.CollectNewAsync(db, feed, parsed!, time.GetUtcNow(), ct) : 0;

        FeedHealth.Record(feed, fetch, parsed, error, newItems, time.GetUtcNow());
        feed.NextPollAt = PollSchedule.NextPoll(time.GetUtcNow(), policy, PollSignals.From(fetch, parsed, feed.ConsecutiveErrors), Jitter);
        feed.LeaseUntil = null;
        feed.LeaseOwner = null;
        await db.SaveChangesAsync(ct);
        if (newItems > 0) outbox.Notify();

        var outcome = error is not null && newItems == 0 ? "error" : fetch.Outcome == FetchOutcome.NotModified ? "not_modified" : "ok";
        IngestionTelemetry.FeedsPolled.Add(1, new TagList { { "outcome", outcome } });
        activity?.SetTag("feed.items.new", newItems);
        if (error is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error);
            LogFeedError(feed.Url, error, feed.ConsecutiveErrors);
        }
        else LogPolled(feed.Url, newItems);
        return true;
    }

    [LoggerMessage(LogLevel.Warning, "Feed {FeedId} skipped: its lease expired and another worker holds it")]
    private partial void LogLeaseLost(Guid feedId);

    [LoggerMessage(LogLevel.Information, "Polled {Url}: {NewItems} new items")]
    private partial void LogPolled(string url, int newItems);

    [LoggerMessage(LogLevel.Warning, "Feed {Url} unhealthy: {Error} ({Errors} consecutive)")]
    private partial void LogFeedError(string url, string error, int errors);
}
