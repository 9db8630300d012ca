using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Persistence;
using Ingestion.ServiceDefaults.Telemetry;
using Ingestion.Store.Data;

namespace Ingestion.Store.Consumers;

/// <summary>
/// Resolution is serialised per database (one lock), so mentions are resolved in batches of whatever is
/// waiting: one lock and one commit for all of them (see <see cref="GroupCommit{TItem,TResult}"/>).
/// </summary>
public sealed class MentionBatcher(IServiceScopeFactory scopes, ILogger<MentionBatcher> logger)
    : ScopedGroupCommit<IncidentReported, MentionOutcome, IIncidentStore>(scopes, logger)
{
    /// <summary>The consumer takes as many messages at once (see its definition).</summary>
    public const int Capacity = 200;

    public override int MaxBatch => Capacity;

    protected override Task<IReadOnlyList<MentionOutcome>> CommitAsync(IIncidentStore store, IReadOnlyList<Traced<IncidentReported>> mentions, CancellationToken ct) =>
        store.RecordMentionsAsync(mentions, ct);
}
