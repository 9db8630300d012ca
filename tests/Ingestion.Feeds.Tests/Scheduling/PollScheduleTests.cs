namespace Ingestion.Feeds.Tests.Scheduling;

public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2024, 4, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly PollPolicy Policy = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2), TimeSpan.FromHours(6)) { JitterFraction = 0 };

    private static TimeSpan Delay(PollSignals signals, PollPolicy? policy = null, int seed = 1) =>
        PollSchedule.NextPoll(Now, policy ?? Policy, signals, new Random(seed)) - Now;

    [Fact]
    public void Uses_the_configured_interval_without_hints() =>
        Assert.Equal(TimeSpan.FromMinutes(10), Delay(PollSignals.None));

    [Fact]
    public void Feed_ttl_lengthens_the_interval() =>
        Assert.Equal(TimeSpan.FromMinutes(60), Delay(new PollSignals(TtlMinutes: 60)));

    [Fact]
    public void Feed_hints_never_make_polling_more_frequent_than_configured() =>
        Assert.Equal(TimeSpan.FromMinutes(10), Delay(new PollSignals(TtlMinutes: 1, UpdatePeriodMinutes: 1, MaxAge: TimeSpan.FromSeconds(30))));

    [Fact]
    public void Syndication_update_period_and_max_age_lengthen_the_interval()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), Delay(new PollSignals(UpdatePeriodMinutes: 30)));
        Assert.Equal(TimeSpan.FromMinutes(20), Delay(new PollSignals(MaxAge: TimeSpan.FromMinutes(20))));
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(2, 40)]
    [InlineData(3, 80)]
    public void Backs_off_exponentially_after_consecutive_errors(int errors, int expectedMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), Delay(new PollSignals(ConsecutiveErrors: errors)));

    [Fact]
    public void A_feed_that_keeps_failing_is_polled_at_the_maximum_interval_never_dropped()
    {
        Assert.Equal(TimeSpan.FromHours(6), Delay(new PollSignals(ConsecutiveErrors: 50)));
        Assert.Equal(TimeSpan.FromHours(6), Delay(new PollSignals(ConsecutiveErrors: int.MaxValue)));
    }

    [Fact]
    public void Clamps_to_the_minimum() =>
        Assert.Equal(TimeSpan.FromMinutes(2), Delay(PollSignals.None, Policy with { Interval = TimeSpan.FromSeconds(5) }));

    [Fact]
    public void Honours_retry_after_even_beyond_the_maximum_up_to_its_ceiling()
    {
        Assert.Equal(TimeSpan.FromMinutes(45), Delay(new PollSignals(RetryAfter: TimeSpan.FromMinutes(45))));
        Assert.Equal(TimeSpan.FromHours(8), Delay(new PollSignals(RetryAfter: TimeSpan.FromHours(8))));
        Assert.Equal(TimeSpan.FromDays(1), Delay(new PollSignals(RetryAfter: TimeSpan.FromDays(30))));
    }

    [Fact]
    public void Jitter_spreads_feeds_within_its_fraction()
    {
        var policy = Policy with { JitterFraction = 0.2 };
        var delays = Enumerable.Range(0, 200).Select(seed => Delay(PollSignals.None, policy, seed)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(12)));
        Assert.True(delays.Distinct().Count() > 100, "jitter must actually vary the delay");
    }

    [Fact]
    public void Is_deterministic_for_the_same_inputs() =>
        Assert.Equal(Delay(new PollSignals(ConsecutiveErrors: 2), Policy with { JitterFraction = 0.3 }, seed: 7),
                     Delay(new PollSignals(ConsecutiveErrors: 2), Policy with { JitterFraction = 0.3 }, seed: 7));
}
