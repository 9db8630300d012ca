namespace Ingestion.Alerting.Delivery;

/// <summary>When to try a failed delivery again: exponential backoff with jitter, or the receiver's Retry-After.</summary>
public static class RetryPolicy
{
    public static TimeSpan NextDelay(int attempts, TimeSpan first, TimeSpan max, TimeSpan? retryAfter, Random random)
    {
        // 429 and 503 say when to come back; honoured up to the cap so one receiver cannot park alerts for days.
        if (retryAfter is { } asked && asked > TimeSpan.Zero) return asked < max ? asked : max;
        var exponential = first.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, max.TotalSeconds);
        // Half fixed, half random: spreads retries of many subscriptions without ever retrying at once.
        return TimeSpan.FromSeconds(capped / 2 + random.NextDouble() * capped / 2);
    }
}
