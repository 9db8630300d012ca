using Ingestion.Contracts;
namespace Ingestion.Alerting.Subscriptions;

public sealed record GeoCircle(double Lat, double Lon, double RadiusKm);

public sealed record GeoBox(double MinLat, double MinLon, double MaxLat, double MaxLon);

/// <summary>
/// Which incidents a subscriber wants and which of their events: the same shape for a subscription and
/// for the live stream's query. Empty lists and nulls mean "any".
/// </summary>
public sealed record AlertFilter
{
    /// <summary>The revision changes a subscriber can ask for, as the Store names them (IncidentSummary.Changes, plus "merged").</summary>
    public static readonly IReadOnlySet<string> KnownChanges = new HashSet<string>(["casualties", "place", "attribution", "corroboration", "kind", "date", "merged"]);

    public IReadOnlyList<string> Kinds { get; init; } = [];
    /// <summary>ISO 3166 alpha-2 codes.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
    /// <summary>Place ids, English or Arabic names, compared without case.</summary>
    public IReadOnlyList<string> Places { get; init; } = [];
    public GeoCircle? Near { get; init; }
    public GeoBox? Box { get; init; }
    /// <summary>Actor ids (e.g. kataib_hezbollah); an attacker matches as the named attacker or the claimant.</summary>
    public IReadOnlyList<string> Attackers { get; init; } = [];
    public IReadOnlyList<string> Targets { get; init; } = [];
    public int? MinKilled { get; init; }
    public int? MinWounded { get; init; }
    /// <summary>Distinct outlets reporting it.</summary>
    public int? MinSources { get; init; }
    public double? MinConfidence { get; init; }
    /// <summary>Receive an alert when an incident is opened (or first matches).</summary>
    public bool NewIncidents { get; init; } = true;
    /// <summary>Receive revisions carrying any of these changes; empty: no revisions.</summary>
    public IReadOnlyList<string> Revisions { get; init; } = [];

    public void Validate(Dictionary<string, string[]> errors)
    {
        var unknownKinds = Kinds.Where(k => !IncidentKinds.All.Contains(k)).ToList();
        if (unknownKinds.Count > 0) errors["kinds"] = [$"Unknown kinds: {string.Join(", ", unknownKinds)}; known: {string.Join(", ", IncidentKinds.All)}"];
        if (Countries.Any(c => c is not { Length: 2 } || !c.All(char.IsAsciiLetter))) errors["countries"] = ["ISO 3166 two-letter codes"];
        if (Places.Any(string.IsNullOrWhiteSpace)) errors["places"] = ["Place ids or names, not blank"];
        if (Attackers.Any(string.IsNullOrWhiteSpace)) errors["attackers"] = ["Actor ids, not blank"];
        if (Targets.Any(string.IsNullOrWhiteSpace)) errors["targets"] = ["Actor ids, not blank"];
        if (Near is { } c && (!IsLat(c.Lat) || !IsLon(c.Lon) || !(c.RadiusKm is > 0 and <= 20_000)))
            errors["near"] = ["lat in [-90, 90], lon in [-180, 180], radiusKm in (0, 20000]"];
        if (Box is { } b && (!IsLat(b.MinLat) || !IsLat(b.MaxLat) || !IsLon(b.MinLon) || !IsLon(b.MaxLon) || b.MinLat > b.MaxLat || b.MinLon > b.MaxLon))
            errors["box"] = ["minLat <= maxLat in [-90, 90], minLon <= maxLon in [-180, 180]"];
        if (MinKilled < 0) errors["minKilled"] = ["Zero or more"];
        if (MinWounded < 0) errors["minWounded"] = ["Zero or more"];
        if (MinSources < 0) errors["minSources"] = ["Zero or more"];
        if (MinConfidence is < 0 or > 1 || MinConfidence is double.NaN) errors["minConfidence"] = ["Between 0 and 1"];
        var unknownChanges = Revisions.Where(r => !KnownChanges.Contains(r)).ToList();
        if (unknownChanges.Count > 0) errors["revisions"] = [$"Unknown changes: {string.Join(", ", unknownChanges)}; known: {string.Join(", ", KnownChanges)}"];
        if (!NewIncidents && Revisions.Count == 0) errors["newIncidents"] = ["Nothing to receive: ask for new incidents, revisions, or both"];
    }

    /// <summary>Countries upper-cased, so stored filters compare as the Store writes codes.</summary>
    public AlertFilter Normalized() => this with { Countries = Countries.Select(c => c.ToUpperInvariant()).ToList() };

    private static bool IsLat(double v) => v is >= -90 and <= 90;
    private static bool IsLon(double v) => v is >= -180 and <= 180;
}
