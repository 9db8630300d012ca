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
}
