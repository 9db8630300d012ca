using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.ServiceDefaults.Outbox;

/// <summary>A DbContext that carries an outbox table.</summary>
public interface IOutboxContext
{
    DbSet<OutboxMessage> Outbox { get; }
}

public static class OutboxContextExtensions
{
    /// <summary>
    /// Queues a message to be published once the caller's SaveChanges commits, in the trace of
    /// <paramref name="traceParent"/> (a W3C traceparent), else of the current activity.
    /// </summary>
    public static void Enqueue<T>(this IOutboxContext db, T message, DateTimeOffset now, string? traceParent = null) where T : class =>
        db.Outbox.Add(new OutboxMessage
        {
            MessageType = typeof(T).FullName!,
            Payload = JsonSerializer.Serialize(message),
            TraceParent = traceParent ?? Activity.Current?.Id,
            CreatedAt = now,
        });
}
