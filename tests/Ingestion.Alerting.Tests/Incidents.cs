using Ingestion.Contracts;

namespace Ingestion.Alerting.Tests;

/// <summary>Incident snapshots as the Store publishes them, for the places the seed articles name.</summary>
public static class Incidents
{
    public static readonly ReportedPlace Rumeilan = new() { Id = "rumeilan", Name = "Rumeilan", NameArabic = "الرميلان", Country = "SY", Lat = 36.65, Lon = 41.52, Precision = "city" };
    public static readonly ReportedPlace AinAlAsad = new() { Id = "ain_al_asad", Name = "Ain al-Asad", NameArabic = "عين الأسد", Country = "IQ", Lat = 33.80, Lon = 42.44, Precision = "site" };
    public static readonly ReportedPlace Erbil = new() { Id = "erbil", Name = "Erbil", NameArabic = "أربيل", Country = "IQ", Lat = 36.19, Lon = 44.01, Precision = "city" };

    public static IncidentSnapshot Make(string kind = "rocket_attack", ReportedPlace? place = null, int revision = 1, Guid? id = null,
        int? killed = null, int? wounded = null, int sources = 1, double confidence = 0.8, string? attacker = null, string? target = "us_forces", string? claimedBy = null) => new()
    {
        IncidentId = id ?? Guid.NewGuid(), Revision = revision, Kind = kind, Date = new DateOnly(2024, 4, 21), Place = place ?? Rumeilan,
        Attacker = attacker, Target = target, ClaimedBy = claimedBy, Killed = killed, Wounded = wounded,
        SourceCount = sources, ArticleCount = sources, Confidence = confidence, Evidence = "سقطت صواريخ قرب قاعدة للقوات الأميركية",
        FirstSeen = new DateOnly(2024, 4, 21), LastSeen = new DateOnly(2024, 4, 21),
    };

    public static IncidentOpened Opened(IncidentSnapshot incident) => new() { Incident = incident, CollectedAt = DateTimeOffset.UtcNow };

    public static IncidentRevised Revised(IncidentSnapshot incident, params string[] changes) => new() { Incident = incident, Changes = changes, CollectedAt = DateTimeOffset.UtcNow };
}
