using Ingestion.Alerting.Data;

namespace Ingestion.Alerting.Delivery;

/// <summary>The outcome of one attempt: delivered, or why not, with the receiver's status and Retry-After when it gave them.</summary>
public sealed record SendResult(bool Delivered, int? StatusCode, string? Error, TimeSpan? RetryAfter)
{
    public static SendResult Ok(int? status) => new(true, status, null, null);
    public static SendResult Fail(string error, int? status = null, TimeSpan? retryAfter = null) => new(false, status, error, retryAfter);
}

/// <summary>A way to reach a subscriber. Implementations never throw for a failed attempt: every failure is a result.</summary>
public interface IAlertChannel
{
    Task<SendResult> SendAsync(Subscription subscription, Data.Delivery delivery, CancellationToken ct);
}
