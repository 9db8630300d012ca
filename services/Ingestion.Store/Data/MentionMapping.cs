using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.Resolution;

namespace Ingestion.Store.Data;

/// <summary>Translations between the message, the stored row and the resolver's model.</summary>
internal static class MentionMapping
{
    public static MentionRecord ToRecord(IncidentReported m, Guid incidentId, DateTimeOffset now) => new()
    {
        MentionId = m.MentionId, IncidentId = incidentId, ArticleId = m.ArticleId, ArticleUrl = m.ArticleUrl,
        ArticleTitle = m.ArticleTitle, Source = m.Source, Published = m.Published,
        AnchorDate = IncidentResolver.AnchorDate(ToMention(m)), Kind = m.Kind, Date = m.Date,
        DatePrecision = m.DatePrecision, DateToleranceDays = m.DateToleranceDays,
        PlaceId = m.Place?.Id, PlaceName = m.Place?.Name, PlaceNameArabic = m.Place?.NameArabic, Country = m.Place?.Country,
        Lat = m.Place?.Lat, Lon = m.Place?.Lon, Precision = m.Place?.Precision,
        Attacker = m.Attacker, Target = m.Target, Killed = m.Killed, Wounded = m.Wounded, Intercepted = m.Intercepted,
        ClaimedBy = m.ClaimedBy, DenialsJson = JsonSerializer.Serialize(m.Denials), Confidence = m.Confidence,
        Evidence = m.Evidence, EvidenceStart = m.EvidenceStart, EvidenceEnd = m.EvidenceEnd,
        PublishedAt = m.PublishedAt, CollectedAt = m.CollectedAt, RecordedAt = now,
    };

    public static IncidentMention ToMention(IncidentReported m) => new(
        m.MentionId, m.ArticleId, m.Source, m.Published, m.Kind, m.Date, m.DateToleranceDays,
        m.Place is null ? null : new MentionPlace(m.Place.Id, m.Place.Name, m.Place.Country, m.Place.Lat, m.Place.Lon, m.Place.Precision),
        m.Attacker, m.Target, m.Killed, m.Wounded, m.Intercepted, m.ClaimedBy, m.Denials, m.Confidence, m.Evidence);

    /// <summary>The resolver's model of a reported mention as it reads back once stored (a place without precision is a city).</summary>
    public static IncidentMention ToStoredMention(IncidentReported m) => ToMention(ToRecord(m, Guid.Empty, default));

    public static IncidentMention ToMention(MentionRecord r) => new(
        r.MentionId, r.ArticleId, r.Source, r.Published, r.Kind, r.Date, r.DateToleranceDays,
        PlaceOf(r) is { } p ? new MentionPlace(p.Id, p.Name, p.Country, p.Lat, p.Lon, p.Precision) : null,
        r.Attacker, r.Target, r.Killed, r.Wounded, r.Intercepted, r.ClaimedBy, Strings(r.DenialsJson), r.Confidence, r.Evidence);

    public static MentionView ToView(MentionRecord r) => new(
        r.MentionId, r.ArticleId, r.Source, r.ArticleUrl, r.ArticleTitle, r.Published, r.Kind, r.Date, PlaceOf(r),
        r.Attacker, r.Target, r.Killed, r.Wounded, r.Intercepted, r.ClaimedBy, Strings(r.DenialsJson), r.Confidence, r.Evidence);

    public static ReportedPlace? PlaceOf(MentionRecord r) => Place(r.PlaceId, r.PlaceName, r.PlaceNameArabic, r.Country, r.Lat, r.Lon, r.Precision);

    /// <summary>A place from its columns; rows written without a place have all of them null.</summary>
    public static ReportedPlace? Place(string? id, string? name, string? nameArabic, string? country, double? lat, double? lon, string? precision) =>
        name is null || country is null || lat is null || lon is null ? null
            : new ReportedPlace { Id = id, Name = name, NameArabic = nameArabic, Country = country, Lat = lat.Value, Lon = lon.Value, Precision = precision ?? "city" };

    public static IReadOnlyList<string> Strings(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
