namespace Ingestion.ServiceDefaults.Telemetry;

/// <summary>
/// Telemetry:QueueDepth. Setting ManagementUrl switches the queue-depth gauge on; switch it on in ONE
/// service only, or every queue is reported once per service. Credentials and virtual host default to
/// those of ConnectionStrings:RabbitMq, so usually the URL is the only setting.
/// </summary>
public sealed class QueueDepthOptions
{
    public const string Section = "Telemetry:QueueDepth";

    /// <summary>The RabbitMQ management API, e.g. http://rabbitmq:15672.</summary>
    public Uri? ManagementUrl { get; set; }
    public string? VirtualHost { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);
}
