using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.Resolution;

namespace Ingestion.Store.Data;

internal static class IncidentMapping
{
    /// <summary>Writes the resolver's view of the incident onto its row. The place keeps the Arabic name of the mention it came from.</summary>
    public static void Apply(IncidentRecord record, IncidentView view, IReadOnlyList<MentionRecord> mentions)
    {
        record.Kind = view.Kind;
        record.Date = view.Date;
        var placeSource = mentions.FirstOrDefault(m => view.Place is not null && m.PlaceName == view.Place.Name);
        record.PlaceId = view.Place?.Id;
        record.PlaceName = view.Place?.Name;
        record.PlaceNameArabic = placeSource?.PlaceNameArabic;
        record.Country = view.Place?.Country;
        record.Lat = view.Place?.Lat;
        record.Lon = view.Place?.Lon;
        record.Precision = view.Place?.Precision;
        record.Attacker = view.Attacker;
        record.Target = view.Target;
        record.Killed = view.Killed;
        record.Wounded = view.Wounded;
        (record.KilledMin, record.KilledMax) = (view.KilledRange?.Min, view.KilledRange?.Max);
        (record.WoundedMin, record.WoundedMax) = (view.WoundedRange?.Min, view.WoundedRange?.Max);
        record.Intercepted = view.Intercepted;
        record.ClaimedBy = view.ClaimedBy.FirstOrDefault();
        record.DenialsJson = JsonSerializer.Serialize(view.Denials);
        record.SourceCount = view.SourceCount;
        record.ArticleCount = view.ArticleCount;
        record.SourcesJson = JsonSerializer.Serialize(view.Sources);
        var best = mentions.MaxBy(m => m.Confidence);
        record.Confidence = best?.Confidence ?? 0;
        record.Evidence = best?.Evidence;
        record.FirstSeen = view.FirstSeen;
        record.FirstPublishedAt = mentions.Min(m => m.PublishedAt);
        record.LastSeen = view.LastSeen;
    }

    public static IncidentSnapshot ToSnapshot(IncidentRecord r) => new()
    {
        IncidentId = r.Id, Revision = r.Revision, Kind = r.Kind, Date = r.Date,
        Place = MentionMapping.Place(r.PlaceId, r.PlaceName, r.PlaceNameArabic, r.Country, r.Lat, r.Lon, r.Precision),
        Attacker = r.Attacker, Target = r.Target, Killed = r.Killed, Wounded = r.Wounded,
        KilledMin = r.KilledMin, KilledMax = r.KilledMax, WoundedMin = r.WoundedMin, WoundedMax = r.WoundedMax, Intercepted = r.Intercepted,
        ClaimedBy = r.ClaimedBy, Denials = MentionMapping.Strings(r.DenialsJson),
        SourceCount = r.SourceCount, ArticleCount = r.ArticleCount, Sources = MentionMapping.Strings(r.SourcesJson),
        Confidence = r.Confidence, Evidence = r.Evidence, FirstSeen = r.FirstSeen, FirstPublishedAt = r.FirstPublishedAt, LastSeen = r.LastSeen,
    };
}
