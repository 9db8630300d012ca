using System.Threading.Channels;
using Ingestion.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingestion.ServiceDefaults.Persistence;

/// <summary>
/// Group commit. Work that must be decided one item at a time under one lock (resolving a mention, deciding
/// whether an article copies another) costs a lock and a commit per item when each message has its own
/// transaction. Consumers submit their item here instead; one loop takes everything waiting, commits it in one
/// transaction, and answers each caller with its own result. Alone, an item goes through at once; under load,
/// batches grow by themselves.
/// Each message keeps its own acknowledgement, retries and error queue: a batch that fails is committed again
/// one item at a time, so only the item at fault fails.
/// </summary>
public abstract partial class GroupCommit<TItem, TResult>(ILogger logger) : BackgroundService
{
    private sealed record Pending(Traced<TItem> Item, TaskCompletionSource<TResult> Result);

    private readonly Channel<Pending> waiting = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Most items in one transaction.</summary>
    public abstract int MaxBatch { get; }

    /// <summary>
    /// Commits the items, in order, atomically; returns one result per item, in the same order. Each item comes
    /// with the trace of the message that submitted it (work on it should be a span in that trace).
    /// </summary>
    protected abstract Task<IReadOnlyList<TResult>> CommitAsync(IReadOnlyList<Traced<TItem>> items, CancellationToken ct);

    /// <summary>
    /// Waits for the item's batch to commit, on purpose without the caller's cancellation: a batch ends within its
    /// transaction anyway, and a stopping service cancels what is still waiting. A consumer that gave up on its
    /// item when the broker connection dropped would fault its message on a closed channel, after which
    /// MassTransit 8.4's receive endpoint can stay stopped for good (seen in the broker-crash fault test;
    /// MassTransit issue 6001); a consumer that completes leaves the redelivery to the broker.
    /// </summary>
    public Task<TResult> SubmitAsync(TItem item) => SubmitAsync(Traced<TItem>.Here(item));

    /// <summary>As <see cref="SubmitAsync(TItem)"/>, for an item of a message that carries several, each with its own trace.</summary>
    public Task<TResult> SubmitAsync(Traced<TItem> item)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!waiting.Writer.TryWrite(pending)) throw new OperationCanceledException("The service is stopping");
        return pending.Result.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await waiting.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && waiting.Reader.TryRead(out var next)) batch.Add(next);
                await CommitAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever is unanswered stays unacknowledged, and the broker redelivers it.
            waiting.Writer.TryComplete();
            foreach (var pending in batch) pending.Result.TrySetCanceled(stoppingToken);
            while (waiting.Reader.TryRead(out var left)) left.Result.TrySetCanceled(stoppingToken);
        }
    }

    private async Task CommitAsync(List<Pending> batch, CancellationToken ct)
    {
        try
        {
            var results = await CommitAsync(batch.Select(p => p.Item).ToList(), ct);
            for (var i = 0; i < batch.Count; i++) batch[i].Result.TrySetResult(results[i]);
        }
        catch (Exception error) when (batch.Count > 1 && !ct.IsCancellationRequested)
        {
            LogBatchFailed(batch.Count, error.Message);
            foreach (var pending in batch) await CommitAsync([pending], ct);
        }
        catch (Exception error)
        {
            foreach (var pending in batch) pending.Result.TrySetException(error);
        }
    }

    [LoggerMessage(LogLevel.Warning, "A batch of {Count} failed ({Reason}); committing them one by one")]
    private partial void LogBatchFailed(int count, string reason);
}
