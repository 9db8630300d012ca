using MassTransit;

namespace Ingestion.ServiceDefaults.Messaging;

public static class RetryDefaults
{
    // 1 s, 2 s, 5 s, then every 10 s: about ten minutes in all.
    private static readonly TimeSpan[] WhileDatabaseIsDown =
        [.. new[] { 1, 2, 5 }.Select(s => TimeSpan.FromSeconds(s)), .. Enumerable.Repeat(TimeSpan.FromSeconds(10), 60)];

    /// <summary>
    /// The retry every consumer endpoint uses. While the database is unreachable (TransientErrors) a message is
    /// held and retried for about ten minutes, so an outage or a restart of PostgreSQL loses nothing. Any other
    /// failure (a unique-key race between replicas, a bug) is retried five times with growing delays, then lands
    /// in the endpoint's _error queue with the exception in its headers; an InvalidMessageException goes there at once.
    /// </summary>
    public static void UseIngestionRetry(this IReceiveEndpointConfigurator endpoint)
    {
        // MassTransit runs the retry configured last innermost: the database layer sees failures first and lets
        // anything that is not a database outage through to the general layer.
        endpoint.UseMessageRetry(r =>
        {
            r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
            r.Ignore<InvalidMessageException>();
        });
        endpoint.UseMessageRetry(r =>
        {
            r.Intervals(WhileDatabaseIsDown);
            r.Handle<Exception>(TransientErrors.IsTransient);
        });
    }
}
