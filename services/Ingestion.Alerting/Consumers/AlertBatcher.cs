using Ingestion.Alerting.Delivery;
using Ingestion.ServiceDefaults.Persistence;
using Ingestion.ServiceDefaults.Telemetry;

namespace Ingestion.Alerting.Consumers;

/// <summary>
/// Incident events are recorded in batches of whatever is waiting: one subscription check, one look-up and one
/// commit for all of them instead of one per event (see <see cref="GroupCommit{TItem,TResult}"/>).
/// </summary>
public sealed class AlertBatcher(IServiceScopeFactory scopes, ILogger<AlertBatcher> logger)
    : ScopedGroupCommit<IncidentEvent, int, AlertRecorder>(scopes, logger)
{
    /// <summary>The consumer takes as many messages at once (see its definition).</summary>
    public const int Capacity = 200;

    public override int MaxBatch => Capacity;

    protected override Task<IReadOnlyList<int>> CommitAsync(AlertRecorder recorder, IReadOnlyList<Traced<IncidentEvent>> events, CancellationToken ct) =>
        recorder.RecordAsync(events, ct);
}
