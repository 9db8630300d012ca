using Ingestion.Contracts;

namespace Ingestion.Store.Tests;

/// <summary>Mentions as the FeedWorker would report them.</summary>
internal static class Mentions
{
    public static readonly ReportedPlace Rumeilan = new() { Id = "rumeilan", Name = "Rumeilan", Country = "SY", Lat = 36.97, Lon = 41.92, Precision = "city" };
    public static readonly ReportedPlace AinAlAsad = new() { Id = "ain_al_asad", Name = "Ain al-Asad Air Base", Country = "IQ", Lat = 33.786, Lon = 42.441, Precision = "site" };

    public static IncidentReported Rockets(ReportedPlace place, DateOnly date, string source, int? killed = null) => new()
    {
        MentionId = Guid.NewGuid(), ArticleId = Guid.NewGuid(), ArticleUrl = $"https://{source}/article/{Guid.NewGuid():N}",
        Source = source, Published = date.AddDays(1), Kind = "rocket_attack", Date = date, DatePrecision = "day",
        Place = place, Attacker = "unknown", Target = "us_forces", Killed = killed, Evidence = "أُطلقت صواريخ على القاعدة",
        Confidence = 0.8, CollectedAt = DateTimeOffset.UtcNow,
    };
}
