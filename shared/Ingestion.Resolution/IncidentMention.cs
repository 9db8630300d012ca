namespace Ingestion.Resolution;

/// <summary>One article's account of one incident, as the extractor read it.</summary>
/// <param name="Source">The outlet (e.g. host name); distinct outlets count as corroboration.</param>
/// <param name="Published">Publication day: the anchor for undated mentions.</param>
/// <param name="Kind">rocket_attack|drone_attack|missile_attack|airstrike|explosion|other_attack.</param>
/// <param name="Date">Day of the incident per the text; null when the text gives no way to know.</param>
/// <param name="DateToleranceDays">How far <paramref name="Date"/> may be off.</param>
public sealed record IncidentMention(
    Guid MentionId, Guid ArticleId, string Source, DateOnly Published,
    string Kind,
    DateOnly? Date, int DateToleranceDays, MentionPlace? Place,
    string? Attacker, string? Target, int? Killed, int? Wounded, bool Intercepted,
    string? ClaimedBy, IReadOnlyList<string> Denials, double Confidence, string Evidence);

/// <summary>Where an attack landed. <paramref name="Id"/> is a gazetteer id when known.</summary>
/// <param name="Precision">site|city|province|country.</param>
public sealed record MentionPlace(string? Id, string Name, string Country, double Lat, double Lon, string Precision);
