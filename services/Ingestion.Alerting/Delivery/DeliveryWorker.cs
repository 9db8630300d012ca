using Ingestion.Alerting.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Delivery;

/// <summary>
/// Claims due deliveries and hands each subscription's share to <see cref="SubscriptionDeliverer"/>:
/// subscribers are served side by side, each one's alerts one after another.
/// </summary>
public sealed partial class DeliveryWorker(IServiceScopeFactory scopes, DeliverySignal signal, IOptions<AlertingOptions> options,
    TimeProvider time, ILogger<DeliveryWorker> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try { claimed = await DeliverDueAsync(stoppingToken); }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested) { LogLoopFailed(error.Message); }
            // A full batch means more are due: go again at once; otherwise sleep until woken or a second passes.
            if (claimed < BatchSize) await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
        }
    }

    private async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        List<Data.Delivery> claimed;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AlertingDbContext>();
            claimed = await DeliveryClaims.ClaimDueAsync(db, BatchSize, options.Value.ClaimDuration, time.GetUtcNow(), ct);
        }
        if (claimed.Count == 0) return 0;
        var bySubscription = claimed.GroupBy(d => d.SubscriptionId).Select(g => (g.Key, g.Select(d => d.Id).ToList())).ToList();
        await Parallel.ForEachAsync(bySubscription, new ParallelOptions { MaxDegreeOfParallelism = options.Value.DeliveryConcurrency, CancellationToken = ct },
            async (group, token) =>
            {
                using var scope = scopes.CreateScope();
                var deliverer = scope.ServiceProvider.GetRequiredService<SubscriptionDeliverer>();
                try { await deliverer.DeliverAsync(group.Key, group.Item2, token); }
                catch (Exception error) when (!token.IsCancellationRequested) { LogGroupFailed(group.Key, error.Message); }
            });
        return claimed.Count;
    }

    [LoggerMessage(LogLevel.Warning, "Delivery loop failed, will retry: {Reason}")]
    private partial void LogLoopFailed(string reason);

    [LoggerMessage(LogLevel.Warning, "Deliveries to subscription {SubscriptionId} failed, their claims run out and they are retried: {Reason}")]
    private partial void LogGroupFailed(Guid subscriptionId, string reason);
}
