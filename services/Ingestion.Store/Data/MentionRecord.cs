namespace Ingestion.Store.Data;

/// <summary>One article's mention of an incident, kept forever: incidents are always recomputable from them.</summary>
public sealed class MentionRecord
{
    public Guid MentionId { get; set; }
    public Guid IncidentId { get; set; }
    public Guid ArticleId { get; set; }
    public required string ArticleUrl { get; set; }
    public string? ArticleTitle { get; set; }
    public required string Source { get; set; }
    public DateOnly Published { get; set; }
    /// <summary>The date a match is searched around: the stated date, else the publication day.</summary>
    public DateOnly AnchorDate { get; set; }
    public required string Kind { get; set; }
    public DateOnly? Date { get; set; }
    public required string DatePrecision { get; set; }
    public int DateToleranceDays { get; set; }
    public string? PlaceId { get; set; }
    public string? PlaceName { get; set; }
    public string? PlaceNameArabic { get; set; }
    public string? Country { get; set; }
    public double? Lat { get; set; }
    public double? Lon { get; set; }
    public string? Precision { get; set; }
    public string? Attacker { get; set; }
    public string? Target { get; set; }
    public int? Killed { get; set; }
    public int? Wounded { get; set; }
    public bool Intercepted { get; set; }
    public string? ClaimedBy { get; set; }
    public required string DenialsJson { get; set; }
    public double Confidence { get; set; }
    public required string Evidence { get; set; }
    public int EvidenceStart { get; set; }
    public int EvidenceEnd { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CollectedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public MentionRecord Copy() => (MentionRecord)MemberwiseClone();
}
