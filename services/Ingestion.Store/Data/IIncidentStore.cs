using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Telemetry;

namespace Ingestion.Store.Data;

/// <summary>
/// Everything the Store needs from its database, kept narrow so that another database
/// (MongoDB, once its driver can be had) is one class away.
/// </summary>
public interface IIncidentStore
{
    /// <summary>
    /// Resolves the mentions, in order, against stored incidents and persists the results, with the events they
    /// cause, atomically: all of them or none. Recording a mention already recorded changes nothing. The events a
    /// mention causes continue its trace.
    /// </summary>
    Task<IReadOnlyList<MentionOutcome>> RecordMentionsAsync(IReadOnlyList<Traced<IncidentReported>> mentions, CancellationToken ct);

    Task<IReadOnlyList<IncidentSnapshot>> ListAsync(IncidentQuery query, CancellationToken ct);

    Task<IncidentDetail?> GetAsync(Guid incidentId, CancellationToken ct);
}

public enum MentionResult { AlreadyRecorded, Opened, Joined, Revised }

public sealed record MentionOutcome(MentionResult Result, Guid IncidentId, IReadOnlyList<string> Changes);

public sealed record IncidentQuery(DateOnly? From, DateOnly? To, string? Kind, string? Country, int Limit, int Offset);

/// <summary>An incident with every mention behind it. MergedInto is set when it was folded into another.</summary>
public sealed record IncidentDetail(IncidentSnapshot Incident, IReadOnlyList<MentionView> Mentions, Guid? MergedInto);

public sealed record MentionView(
    Guid MentionId, Guid ArticleId, string Source, string ArticleUrl, string? ArticleTitle, DateOnly Published,
    string Kind, DateOnly? Date, ReportedPlace? Place, string? Attacker, string? Target,
    int? Killed, int? Wounded, bool Intercepted, string? ClaimedBy, IReadOnlyList<string> Denials,
    double Confidence, string Evidence);
