namespace Ingestion.Contracts;

/// <summary>
/// Every incident mention the extractor read in one article, in one message: an article reports 1.7 on average, and
/// each message costs the FeedWorker an outbox row and both ends a trip through the broker. The Store resolves each
/// mention as if it had come alone (<see cref="IncidentReported"/>, which it still accepts); a message with a mention
/// it cannot accept goes to the error queue whole, with the reason.
/// </summary>
public sealed record ArticleIncidentsReported
{
    public required IReadOnlyList<IncidentReported> Mentions { get; init; }
}
