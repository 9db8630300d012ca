namespace Ingestion.Feeds;

/// <summary>How often a feed is polled: the configured interval and the bounds nothing may cross.</summary>
/// <param name="Interval">The configured interval when the feed gives no hints and polls succeed.</param>
/// <param name="Min">Never poll sooner than this (protects the publisher).</param>
/// <param name="Max">Never wait longer than this (a failing feed is polled slowly, never dropped).</param>
public sealed record PollPolicy(TimeSpan Interval, TimeSpan Min, TimeSpan Max)
{
    public static PollPolicy Default { get; } = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2), TimeSpan.FromHours(6));

    /// <summary>Spread of the random jitter, as a fraction of the delay (0.2 = ±20%), so feeds do not poll in lockstep.</summary>
    public double JitterFraction { get; init; } = 0.2;

    /// <summary>A server's Retry-After is honoured beyond <see cref="Max"/>, up to this ceiling.</summary>
    public TimeSpan RetryAfterCeiling { get; init; } = TimeSpan.FromDays(1);
}

/// <summary>What the last poll told us.</summary>
/// <param name="TtlMinutes">RSS &lt;ttl&gt;.</param>
/// <param name="UpdatePeriodMinutes">sy:updatePeriod / sy:updateFrequency.</param>
/// <param name="MaxAge">Cache-Control max-age of the last response.</param>
/// <param name="RetryAfter">Retry-After of a 429/503.</param>
/// <param name="ConsecutiveErrors">Failed polls in a row (0 after a success).</param>
public sealed record PollSignals(
    int? TtlMinutes = null,
    int? UpdatePeriodMinutes = null,
    TimeSpan? MaxAge = null,
    TimeSpan? RetryAfter = null,
    int ConsecutiveErrors = 0)
{
    public static PollSignals None { get; } = new();

    public static PollSignals From(FetchResult fetch, ParsedFeed? feed, int consecutiveErrors) =>
        new(feed?.TtlMinutes, feed?.UpdatePeriodMinutes, fetch.MaxAge, fetch.RetryAfter, consecutiveErrors);
}

public static class PollSchedule
{
    private const int MaxBackoffDoublings = 16;

    /// <summary>
    /// Pure: the same inputs (and the same Random state) give the same answer.
    /// The feed's own hints (TTL, sy:updatePeriod, max-age) only ever lengthen the interval; errors double it
    /// per consecutive failure; jitter spreads it; the result is clamped to [Min, Max], except that a
    /// Retry-After is honoured up to <see cref="PollPolicy.RetryAfterCeiling"/>.
    /// </summary>
    public static DateTimeOffset NextPoll(DateTimeOffset now, PollPolicy policy, PollSignals signals, Random jitter)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(jitter);

        var delay = policy.Interval;
        if (signals.TtlMinutes is > 0) delay = Max(delay, TimeSpan.FromMinutes(signals.TtlMinutes.Value));
        if (signals.UpdatePeriodMinutes is > 0) delay = Max(delay, TimeSpan.FromMinutes(signals.UpdatePeriodMinutes.Value));
        if (signals.MaxAge is { } maxAge && maxAge > TimeSpan.Zero) delay = Max(delay, maxAge);

        if (signals.ConsecutiveErrors > 0)
        {
            var doublings = Math.Min(signals.ConsecutiveErrors, MaxBackoffDoublings);
            var ticks = Math.Min(delay.Ticks * Math.Pow(2, doublings), policy.Max.Ticks * 2.0);
            delay = TimeSpan.FromTicks((long)ticks);
        }

        var fraction = Math.Clamp(policy.JitterFraction, 0, 0.9);
        var factor = 1 + fraction * (jitter.NextDouble() * 2 - 1);
        delay = TimeSpan.FromTicks((long)(delay.Ticks * factor));

        var min = policy.Min <= policy.Max ? policy.Min : policy.Max;
        delay = delay < min ? min : delay > policy.Max ? policy.Max : delay;

        if (signals.RetryAfter is { } retryAfter && retryAfter > delay)
            delay = retryAfter < policy.RetryAfterCeiling ? retryAfter : Max(policy.RetryAfterCeiling, delay);

        return now + delay;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
