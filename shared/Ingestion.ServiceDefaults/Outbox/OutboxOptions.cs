namespace Ingestion.ServiceDefaults.Outbox;

/// <summary>Section "Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// How long the relay waits after start before its first publish. Zero in production. The fault tests
    /// set it to hold messages in the outbox table, kill the process with them committed but unpublished,
    /// and show that the next process publishes every one of them.
    /// </summary>
    public TimeSpan RelayDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Longest wait for the broker to confirm one batch. A broker killed mid-publish can leave a confirm that
    /// never arrives; without a limit the relay would wait on it forever and publish nothing more.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
