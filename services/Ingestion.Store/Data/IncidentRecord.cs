namespace Ingestion.Store.Data;

/// <summary>The current view of one incident, recomputed from its mentions whenever one arrives.</summary>
public sealed class IncidentRecord
{
    public Guid Id { get; set; }
    public int Revision { get; set; }
    public required string Kind { get; set; }
    public DateOnly? Date { get; set; }
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
    public int? KilledMin { get; set; }
    public int? KilledMax { get; set; }
    public int? WoundedMin { get; set; }
    public int? WoundedMax { get; set; }
    public bool Intercepted { get; set; }
    public string? ClaimedBy { get; set; }
    public required string DenialsJson { get; set; }
    public int SourceCount { get; set; }
    public int ArticleCount { get; set; }
    public required string SourcesJson { get; set; }
    public double Confidence { get; set; }
    public string? Evidence { get; set; }
    public DateOnly FirstSeen { get; set; }
    public DateTimeOffset? FirstPublishedAt { get; set; }
    public DateOnly LastSeen { get; set; }
    /// <summary>Set when a bridging mention folded this incident into another; its mentions moved there.</summary>
    public Guid? MergedInto { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
