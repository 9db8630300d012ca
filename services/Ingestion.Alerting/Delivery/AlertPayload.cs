using System.Text.Json;
using System.Text.Json.Serialization;
using Ingestion.Contracts;

namespace Ingestion.Alerting.Delivery;

/// <summary>The JSON body of one alert (webhook body, stream event data, e-mail source).</summary>
public sealed record AlertPayload(string Type, DateTimeOffset Timestamp, IncidentSnapshot Incident, IReadOnlyList<string> Changes, string Link)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <summary>The JSON body of a digest: the alerts gathered since the last one, oldest first.</summary>
public sealed record DigestPayload(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<AlertPayload> Alerts)
{
    public const string Type = "digest";
    [JsonPropertyName("type")]
    public string PayloadType => Type;
}
