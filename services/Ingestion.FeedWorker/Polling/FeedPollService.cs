using System.Diagnostics;
using Ingestion.Feeds;
using Ingestion.FeedWorker.Data;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Telemetry;
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
    private static readonly Random Jitter = new();

    public async Task PollAsync(Guid feedId, CancellationToken ct)
    {
        var feed = await db.Feeds.FindAsync([feedId], ct);
        if (feed is null) return;
        using var activity = IngestionTelemetry.Source.StartActivity("poll feed", ActivityKind.Internal, parentContext: default);
        activity?.SetTag("feed.url", feed.Url);
        var policy = new PollPolicy(options.Value.PollInterval, options.Value.MinPollInterval, options.Value.MaxPollInterval);
        var started = time.GetUtcNow();
        // Stored before fetching: if this process dies mid-fetch, the feed is not polled again at once.
        feed.NextPollAt = PollSchedule.NextPoll(started, policy, PollSignals.None, Jitter);
        feed.LastPolledAt = started;
        await db.SaveChangesAsync(ct);

        var fetch = await fetcher.FetchAsync(new Uri(feed.Url), new ConditionalHeaders(feed.ETag, feed.LastModified), ct);
        IngestionTelemetry.FeedFetchDuration.Record((time.GetUtcNow() - started).TotalSeconds, new TagList { { "status", fetch.StatusCode?.ToString() ?? fetch.Outcome.ToString() } });
        var parsed = fetch.IsSuccess ? FeedParser.Parse(fetch.Body, fetch.ContentType, fetch.FinalUrl) : null;
        var error = FeedHealth.ErrorOf(fetch, parsed);
        var newItems = parsed is null ? 0 : await FeedItems.CollectNewAsync(db, feed, parsed, time.GetUtcNow(), ct);

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
    }

    [LoggerMessage(LogLevel.Information, "Polled {Url}: {NewItems} new items")]
    private partial void LogPolled(string url, int newItems);

    [LoggerMessage(LogLevel.Warning, "Feed {Url} unhealthy: {Error} ({Errors} consecutive)")]
    private partial void LogFeedError(string url, string error, int errors);
}
