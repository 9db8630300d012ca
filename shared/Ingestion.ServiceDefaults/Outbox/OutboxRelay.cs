using System.Diagnostics;
using System.Text.Json;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.ServiceDefaults.Persistence;
using Ingestion.ServiceDefaults.Telemetry;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestion.ServiceDefaults.Outbox;

/// <summary>
/// Publishes outbox rows, oldest first, and deletes them once the broker confirmed them.
/// A crash between commit and publish leaves the rows in place, so they are published on the next start:
/// delivery is at least once, and consumers are idempotent. On PostgreSQL rows are claimed with
/// FOR UPDATE SKIP LOCKED, so replicas never publish the same row at the same time.
/// </summary>
/// <remarks>
/// A batch is published all at once and its confirms awaited together. Awaiting each confirm before the next
/// publish capped a relay at one message per broker round trip: under load the FeedWorker's outbox held 4,000 rows
/// while the Store waited for mentions. No consumer relies on publication order, which the broker does not keep
/// across redeliveries and concurrent consumers anyway: the Store's resolution does not depend on the order of
/// mentions, and Alerting sends an incident's opening first and drops revisions older than what it sent.
/// A broker killed while publishes wait for their confirms can leave the bus's publishing channel broken for good
/// (seen once in eight broker-crash fault runs: RabbitMQ.Client 7.1.2 threw ObjectDisposedException from its confirm
/// tracking, and every publish after the broker's return timed out). So each batch's outcome goes to the
/// <see cref="BusWatch"/>: /health turns Unhealthy when publishing keeps failing, and the <see cref="BusWatchdog"/>
/// stops the process, for its restart policy to start a fresh one, once it has failed for Bus:StopAfter while the
/// broker accepts connections.
/// </remarks>
public sealed partial class OutboxRelay<TContext>(IServiceScopeFactory scopes, OutboxSignal<TContext> signal, IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TContext>> logger, BusWatch watch)
    : BackgroundService where TContext : ServiceDbContext, IOutboxContext
{
    private const int BatchSize = 100;
    private static readonly string Name = $"{typeof(TContext).Name} outbox relay";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Held back only in fault tests (see OutboxOptions.RelayDelay): rows stay committed and unpublished.
        if (options.Value.RelayDelay > TimeSpan.Zero) await Task.Delay(options.Value.RelayDelay, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try { published = await PublishBatchAsync(stoppingToken); }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested) { LogFailed(error.Message); }
            if (published < BatchSize) await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
        }
    }

    private async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var batch = db.IsPostgres
            ? await db.Outbox.FromSqlRaw($"SELECT * FROM \"Outbox\" ORDER BY \"Id\" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED").AsNoTracking().ToListAsync(ct)
            : await db.Outbox.AsNoTracking().OrderBy(m => m.Id).Take(BatchSize).ToListAsync(ct);
        await PublishAllAsync(bus, batch, ct);
        // One statement for the batch: removing tracked rows would send a DELETE per row.
        var ids = batch.Select(m => m.Id).ToList();
        await db.Outbox.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return batch.Count;
    }

    /// <summary>Publishes the batch and waits for every confirm, reporting the outcome to the bus watch.</summary>
    private async Task PublishAllAsync(IPublishEndpoint bus, List<OutboxMessage> batch, CancellationToken ct)
    {
        // Read back before publishing: a row that cannot be read fails the batch, but it is this process's fault, not
        // the broker's, and restarting the process would not mend it.
        var messages = batch.Select(message => (Row: message, Payload: ReadPayload(message))).ToList();
        // The rows stay locked and unpublished if the broker never answers: the batch is abandoned and retried.
        using var confirmed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        confirmed.CancelAfter(options.Value.PublishTimeout);
        var attempt = Stopwatch.StartNew();
        try
        {
            await Task.WhenAll(messages.Select(m => PublishAsync(bus, m.Row, m.Payload, confirmed.Token)));
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            watch.RelayPublishFailed(Name, confirmed.IsCancellationRequested ? $"no confirm within {options.Value.PublishTimeout.TotalSeconds:0} s" : error.Message,
                attempt.Elapsed);
            throw;
        }
        watch.RelayPublished(Name);
    }

    private static object ReadPayload(OutboxMessage message)
    {
        var type = typeof(Contracts.ArticleCollected).Assembly.GetType(message.MessageType)
            ?? throw new InvalidOperationException($"Outbox row {message.Id}: unknown message type {message.MessageType}");
        return JsonSerializer.Deserialize(message.Payload, type)
            ?? throw new InvalidOperationException($"Outbox row {message.Id}: empty {message.MessageType} payload");
    }

    private static async Task PublishAsync(IPublishEndpoint bus, OutboxMessage message, object payload, CancellationToken ct)
    {
        var type = payload.GetType();
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = IngestionTelemetry.Source.StartActivity("outbox publish", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.type", type.Name);
        await bus.Publish(payload, type, ct);
    }

    [LoggerMessage(LogLevel.Warning, "Outbox relay failed, will retry: {Reason}")]
    private partial void LogFailed(string reason);
}
