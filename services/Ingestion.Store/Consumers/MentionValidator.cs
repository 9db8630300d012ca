using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Messaging;

namespace Ingestion.Store.Consumers;

/// <summary>Refuses a mention the resolver could not reason about, naming every problem.</summary>
public static class MentionValidator
{
    private static readonly HashSet<string> Precisions = ["site", "city", "province", "country"];

    public static void EnsureValid(IncidentReported m)
    {
        var problems = new List<string>();
        if (!IncidentKinds.All.Contains(m.Kind ?? "")) problems.Add($"unknown kind '{m.Kind}'");
        if (string.IsNullOrWhiteSpace(m.Source)) problems.Add("no source");
        if (m.MentionId == Guid.Empty) problems.Add("no mention id");
        if (m.Killed < 0 || m.Wounded < 0) problems.Add("negative casualties");
        if (m.Place is { } p)
        {
            if (double.IsNaN(p.Lat) || p.Lat is < -90 or > 90 || double.IsNaN(p.Lon) || p.Lon is < -180 or > 180) problems.Add($"coordinates out of range ({p.Lat}, {p.Lon})");
            if (!Precisions.Contains(p.Precision ?? "")) problems.Add($"unknown place precision '{p.Precision}'");
            if (p.Country is not { Length: 2 }) problems.Add($"country '{p.Country}' is not an ISO two-letter code");
        }
        if (problems.Count > 0) throw new InvalidMessageException($"Invalid IncidentReported {m.MentionId}: {string.Join("; ", problems)}");
    }
}
