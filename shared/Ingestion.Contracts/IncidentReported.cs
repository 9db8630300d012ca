namespace Ingestion.Contracts;

/// <summary>One mention of one incident in one article, as the extractor read it.</summary>
public sealed record IncidentReported
{
    /// <summary>Stable for the same article and position: a redelivery carries the same id.</summary>
    public required Guid MentionId { get; init; }
    public required Guid ArticleId { get; init; }
    public required string ArticleUrl { get; init; }
    public string? ArticleTitle { get; init; }
    /// <summary>The outlet (or host) that published the article: sources are counted by it.</summary>
    public required string Source { get; init; }
    public required DateOnly Published { get; init; }
    public required string Kind { get; init; }
    public DateOnly? Date { get; init; }
    public string DatePrecision { get; init; } = "unknown";
    public int DateToleranceDays { get; init; } = 1;
    public ReportedPlace? Place { get; init; }
    public string? Attacker { get; init; }
    public string? Target { get; init; }
    public int? Killed { get; init; }
    public int? Wounded { get; init; }
    public bool Intercepted { get; init; }
    public string? ClaimedBy { get; init; }
    public IReadOnlyList<string> Denials { get; init; } = [];
    public double Confidence { get; init; }
    public required string Evidence { get; init; }
    public int EvidenceStart { get; init; }
    public int EvidenceEnd { get; init; }
    /// <summary>When the outlet published the article, as its feed or page says (null when neither does).</summary>
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>When the article was first collected: the start of the end-to-end latency.</summary>
    public required DateTimeOffset CollectedAt { get; init; }
}
