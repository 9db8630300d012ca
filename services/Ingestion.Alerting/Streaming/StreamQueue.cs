using MassTransit;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Streaming;

/// <summary>
/// This process's queue of incident events for its stream clients, bound only while a client is connected. Every
/// replica needs a copy of every event for its own clients, so the queue is its own (temporary) queue; bound all the
/// time, it was a second delivery of each event to every Alerting process, with no client to show it to most of the
/// time. It stays bound for <see cref="AlertingOptions.StreamQueueLinger"/> after the last client leaves, so a
/// dashboard that reconnects does not rebuild it.
/// </summary>
public sealed partial class StreamQueue(IReceiveEndpointConnector connector, IOptions<AlertingOptions> options, TimeProvider time, ILogger<StreamQueue> logger)
    : IDisposable
{
    /// <summary>The queue could not be bound (the broker unreachable, or it refused the queue): the stream cannot be served now.</summary>
    public sealed class UnavailableException(string reason, Exception inner) : Exception($"The event stream is not available: {reason}", inner);

    /// <summary>How long a client waits for the queue to be bound before it is told the stream is unavailable.</summary>
    private static readonly TimeSpan BindTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim gate = new(1, 1);
    private HostReceiveEndpointHandle? endpoint;
    private ITimer? unbinding;
    private int clients;

    public bool IsBound => endpoint is not null;

    /// <summary>
    /// Counts a client in. Returns once the queue is bound: the client misses no event published after that. Throws
    /// <see cref="UnavailableException"/> when it cannot be bound; the client is not counted then.
    /// </summary>
    public async Task JoinAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            unbinding?.Dispose();
            unbinding = null;
            endpoint ??= await BindAsync(ct);
            clients++;
        }
        finally { gate.Release(); }
    }

    /// <summary>Counts a client out; after the last one, the queue is unbound once the linger has passed with nobody back.</summary>
    public async Task LeaveAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (--clients == 0)
                unbinding = time.CreateTimer(_ => _ = UnbindIfIdleAsync(), null, options.Value.StreamQueueLinger, Timeout.InfiniteTimeSpan);
        }
        finally { gate.Release(); }
    }

    public void Dispose() => unbinding?.Dispose();

    private async Task<HostReceiveEndpointHandle> BindAsync(CancellationToken ct)
    {
        // A queue of this process's own, deleted with its consumer: events stop reaching it as soon as it is unbound.
        // (MassTransit's temporary endpoint keeps its queue, still bound and filling, for a minute after.)
        var connecting = connector.ConnectReceiveEndpoint($"stream-alerts-{Guid.NewGuid():N}", (context, e) =>
        {
            if (e is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.Durable = false;
                rabbit.AutoDelete = true;
            }
            e.ConfigureConsumer<StreamAlertsConsumer>(context);
        });
        try
        {
            await connecting.Ready.WaitAsync(BindTimeout, time, ct);
        }
        catch (Exception error)
        {
            await connecting.StopAsync(CancellationToken.None);
            if (error is OperationCanceledException && ct.IsCancellationRequested) throw;
            throw new UnavailableException(error is TimeoutException ? $"the broker did not bind the queue within {BindTimeout.TotalSeconds:0} s" : error.Message, error);
        }
        LogBound();
        return connecting;
    }

    private async Task UnbindIfIdleAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (clients > 0 || endpoint is null) return;
            var bound = endpoint;
            endpoint = null;
            await bound.StopAsync();
            LogUnbound();
        }
        // The bus may be stopping with the process. The queue is deleted when its consumer goes (auto-delete), with the
        // process's connection at the latest.
        catch (Exception error) { LogUnbindFailed(error.Message); }
        finally { gate.Release(); }
    }

    [LoggerMessage(LogLevel.Information, "Stream queue bound: a stream client is connected")]
    private partial void LogBound();

    [LoggerMessage(LogLevel.Information, "Stream queue unbound: no stream client is connected")]
    private partial void LogUnbound();

    [LoggerMessage(LogLevel.Warning, "Stream queue could not be unbound: {Reason}")]
    private partial void LogUnbindFailed(string reason);
}
