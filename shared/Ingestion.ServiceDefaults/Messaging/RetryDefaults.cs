using MassTransit;

namespace Ingestion.ServiceDefaults.Messaging;

public static class RetryDefaults
{
    /// <summary>
    /// The retry every consumer endpoint uses: transient trouble (a database blip, a unique-key race between
    /// replicas) is retried in place with growing delays; what still fails lands in the endpoint's _error
    /// queue with the exception in its headers.
    /// </summary>
    public static void UseIngestionRetry(this IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(r =>
        {
            r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500));
            r.Ignore<InvalidMessageException>();
        });
}
