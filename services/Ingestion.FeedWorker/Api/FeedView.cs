using Ingestion.FeedWorker.Data;

namespace Ingestion.FeedWorker.Api;

/// <summary>A feed as the API shows it: identity, whether it is polled, and its health.</summary>
public sealed record FeedView(
    Guid Id, string Url, string Name, bool Enabled, bool Healthy, DateTimeOffset? LastPolledAt, DateTimeOffset? LastSuccessAt,
    string? LastError, int ConsecutiveErrors, long ItemsSeen, DateTimeOffset NextPollAt)
{
    public static FeedView From(FeedRecord f) => new(
        f.Id, f.Url, f.Name, f.Enabled, f.ConsecutiveErrors == 0 && f.LastError is null,
        f.LastPolledAt, f.LastSuccessAt, f.LastError, f.ConsecutiveErrors, f.ItemsSeen, f.NextPollAt);
}
