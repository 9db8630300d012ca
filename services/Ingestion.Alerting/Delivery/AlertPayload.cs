using System.Text.Json;
using Ingestion.Contracts;

namespace Ingestion.Alerting.Delivery;

/// <summary>The JSON body every webhook receives.</summary>
public sealed record AlertPayload(string Type, DateTimeOffset Timestamp, IncidentSnapshot Incident, IReadOnlyList<string> Changes, string Link)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
