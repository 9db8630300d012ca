using Ingestion.FeedWorker.Data;
using Ingestion.ServiceDefaults;
using Ingestion.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ingestion.FeedWorker.Polling;

/// <summary>Claims due feeds and polls them, a few at a time; several replicas can run this side by side.</summary>
public sealed partial class FeedPoller(IServiceScopeFactory scopes, FeedPollWakeSignal wake, IOptions<FeedWorkerOptions> options,
    IHostApplicationLifetime lifetime, TimeProvider time, ILogger<FeedPoller> logger) : BackgroundService
{
    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start polling once the host listens: the embedded mode serves its own seed feed.
        await WaitForStartAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var polled = 0;
            try { polled = await PollDueFeedsAsync(stoppingToken); }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested) { LogRoundFailed(error.Message); }
            if (polled == 0) await wake.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
        }
    }

    private async Task<int> PollDueFeedsAsync(CancellationToken ct)
    {
        List<FeedRecord> claimed;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedsDbContext>();
            claimed = await FeedLeases.ClaimDueAsync(db, owner, options.Value.FeedsPerRound, options.Value.LeaseDuration, time.GetUtcNow(), ct);
            IngestionTelemetry.SetFailingFeeds(await db.Feeds.CountAsync(f => f.Enabled && f.ConsecutiveErrors > 0, ct));
        }
        await Task.WhenAll(claimed.Select(async feed =>
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<FeedPollService>().PollAsync(feed.Id, owner, ct);
        }));
        return claimed.Count;
    }

    private async Task WaitForStartAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = ct.Register(() => started.TrySetResult());
        await started.Task;
    }

    [LoggerMessage(LogLevel.Warning, "Poll round failed, will retry: {Reason}")]
    private partial void LogRoundFailed(string reason);
}

/// <summary>Wakes the poller when a feed is added over the API.</summary>
public sealed class FeedPollWakeSignal : WakeSignal;
