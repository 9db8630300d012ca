using System.Security.Cryptography;
using System.Text;
using Ingestion.Contracts;
using Ingestion.Extraction;

namespace Ingestion.FeedWorker.Articles;

/// <summary>Turns what the extractor read into the mentions of an ArticleIncidentsReported message.</summary>
public static class MentionFactory
{
    public static IncidentReported Create(ArticleCollected article, string source, DateOnly published, ExtractedIncident incident, int index) => new()
    {
        MentionId = MentionId(article.ArticleId, index),
        ArticleId = article.ArticleId,
        ArticleUrl = article.Url,
        ArticleTitle = article.Title,
        Source = source,
        Published = published,
        Kind = incident.Kind,
        Date = incident.Date,
        DatePrecision = incident.DatePrecision,
        DateToleranceDays = incident.DateToleranceDays,
        Place = incident.Place is { } p ? new ReportedPlace { Id = p.Id, Name = p.Name, NameArabic = p.NameArabic, Country = p.Country, Lat = p.Lat, Lon = p.Lon, Precision = p.Precision } : null,
        Attacker = incident.Attacker,
        Target = incident.Target,
        Killed = incident.Killed,
        Wounded = incident.Wounded,
        Intercepted = incident.Intercepted,
        ClaimedBy = incident.ClaimedBy,
        Denials = incident.Denials,
        Confidence = incident.Confidence,
        Evidence = incident.Evidence.Text,
        EvidenceStart = incident.Evidence.Start,
        EvidenceEnd = incident.Evidence.End,
        PublishedAt = article.PublishedAt,
        CollectedAt = article.CollectedAt,
    };

    /// <summary>
    /// Name-based id (RFC 9562 version 5 layout over SHA-256's first bytes) from the article and the mention's
    /// position: re-reading the same article yields the same ids, which is what makes redelivery harmless downstream.
    /// </summary>
    public static Guid MentionId(Guid articleId, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{articleId:N}/{index}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>The publication day as read in the region (UTC+3, Baghdad and Damascus): «أمس» is relative to it.</summary>
    public static DateOnly PublicationDay(DateTimeOffset published) => DateOnly.FromDateTime(published.ToOffset(TimeSpan.FromHours(3)).DateTime);
}
