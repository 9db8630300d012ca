namespace Ingestion.Extraction;

/// <summary>One attack or strike, at one place, on one day, as read out of one article.</summary>
public sealed record ExtractedIncident(
    string Kind,
    DateOnly? Date,
    string DatePrecision,
    ExtractedPlace? Place,
    string? Attacker,
    string? Target,
    int? Killed,
    int? Wounded,
    bool Intercepted,
    string? ClaimedBy,
    IReadOnlyList<string> Denials,
    double Confidence,
    Evidence Evidence)
{
    /// <summary>How many days the reported date may be off (0 for an explicit day, more for vague or relative wording).</summary>
    public int DateToleranceDays { get; init; }

    /// <summary>Lower bound of the killed count when the text qualifies it («ما لا يقل عن», «أكثر من»); equals Killed otherwise.</summary>
    public int? KilledMin { get; init; }

    /// <summary>Lower bound of the wounded count when the text qualifies it.</summary>
    public int? WoundedMin { get; init; }

    /// <summary>Every text span that contributed to this incident after merging mentions, in text order.</summary>
    public IReadOnlyList<Evidence> Mentions { get; init; } = [];
}

/// <summary>A gazetteer entry resolved for an incident. Country is ISO 3166-1 alpha-2.</summary>
public sealed record ExtractedPlace(
    string Id, string Name, string NameArabic, string Country,
    double Lat, double Lon, string Precision, string? Province);

/// <summary>A span of the ORIGINAL article text: Text == article[Start..End].</summary>
public sealed record Evidence(string Text, int Start, int End);

/// <summary>The closed vocabularies of the public records, so callers do not retype strings.</summary>
public static class IncidentKinds
{
    public const string Rocket = "rocket_attack", Drone = "drone_attack", Missile = "missile_attack",
        Airstrike = "airstrike", Explosion = "explosion", Other = "other_attack";
}

public static class DatePrecisions
{
    public const string Day = "day", Approximate = "approximate", Month = "month", Unknown = "unknown";
}
