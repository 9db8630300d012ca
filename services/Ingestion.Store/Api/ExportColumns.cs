using Ingestion.Contracts;

namespace Ingestion.Store.Api;

/// <summary>
/// The columns of both exports, named in the spirit of ACLED's (event_date, time_precision, actor1/actor2,
/// location, latitude/longitude, geo_precision, fatalities, source, notes) so analysts can line the two up.
/// One list, so the CSV header and the GeoJSON properties never drift apart.
/// </summary>
internal static class ExportColumns
{
    public sealed record Column(string Name, Func<IncidentSnapshot, object?> Value, bool FreeText = false);

    public static readonly IReadOnlyList<Column> All =
    [
        new("incident_id", i => i.IncidentId),
        // Without a reported date the incident is dated by its first report, and says so.
        new("event_date", i => i.Date ?? i.FirstSeen),
        new("time_precision", i => i.Date is null ? "first_reported" : "day"),
        new("kind", i => i.Kind),
        new("actor1", i => i.Attacker, FreeText: true),
        new("actor2", i => i.Target, FreeText: true),
        new("claimed_by", i => i.ClaimedBy, FreeText: true),
        new("location", i => i.Place?.Name, FreeText: true),
        new("location_arabic", i => i.Place?.NameArabic, FreeText: true),
        new("country", i => i.Place?.Country),
        new("latitude", i => i.Place?.Lat),
        new("longitude", i => i.Place?.Lon),
        new("geo_precision", i => i.Place?.Precision),
        new("killed", i => i.Killed),
        new("wounded", i => i.Wounded),
        new("intercepted", i => i.Intercepted),
        new("denials", i => i.Denials.Count == 0 ? null : string.Join("; ", i.Denials), FreeText: true),
        new("source_count", i => i.SourceCount),
        new("article_count", i => i.ArticleCount),
        new("sources", i => string.Join("; ", i.Sources), FreeText: true),
        new("confidence", i => Math.Round(i.Confidence, 3)),
        new("notes", i => i.Evidence, FreeText: true),
        new("revision", i => i.Revision),
        new("first_seen", i => i.FirstSeen),
        new("last_seen", i => i.LastSeen),
    ];
}
