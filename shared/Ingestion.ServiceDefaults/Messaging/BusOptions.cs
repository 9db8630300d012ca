namespace Ingestion.ServiceDefaults.Messaging;

public enum BusTransport { RabbitMq, InMemory }

/// <summary>Section "Bus". The broker address is the connection string "RabbitMq" (amqp://user:pass@host:port/vhost).</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";
    public BusTransport Transport { get; set; } = BusTransport.RabbitMq;
    /// <summary>Messages a consumer endpoint handles at once.</summary>
    public int PrefetchCount { get; set; } = 16;
    /// <summary>
    /// Declare receive queues as quorum queues (replicated across a RabbitMQ cluster). Classic queues that
    /// already exist cannot be redeclared: switch on a fresh vhost or broker.
    /// </summary>
    public bool QuorumQueues { get; set; }
    /// <summary>
    /// How long a receive endpoint may stay not ready before /health reports Unhealthy (Degraded until then).
    /// Longer than the few seconds MassTransit takes to reconnect after an ordinary broker restart.
    /// </summary>
    public TimeSpan UnhealthyAfter { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>
    /// How long a receive endpoint may stay not ready, while the broker accepts connections, before the process
    /// stops itself so that its restart policy starts a fresh one (<see cref="BusWatchdog"/>). Zero: never.
    /// </summary>
    public TimeSpan StopAfter { get; set; } = TimeSpan.FromMinutes(5);
}
