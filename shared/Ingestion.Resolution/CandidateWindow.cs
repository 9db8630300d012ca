namespace Ingestion.Resolution;

/// <summary>A latitude/longitude box (the antimeridian is not handled: the theatre is far from it).</summary>
public readonly record struct GeoBox(double MinLat, double MaxLat, double MinLon, double MaxLon)
{
    public static GeoBox Empty { get; } = new(1, -1, 1, -1);

    public bool Contains(double lat, double lon) => lat >= MinLat && lat <= MaxLat && lon >= MinLon && lon <= MaxLon;
}

/// <summary>
/// What a store must query to find every mention that could match a given one: mentions whose
/// <see cref="IncidentResolver.AnchorDate"/> lies in [From, To] and whose point lies in the box for the candidate's
/// precision (<see cref="BoxFor"/>), plus country-precision mentions of <see cref="CountryLevelCountry"/> wherever
/// their point is (a country-level mention matches anything in its country, and its point is only a centroid).
/// </summary>
public sealed record CandidateWindow(DateOnly From, DateOnly To, GeoBox Box)
{
    /// <summary>
    /// Boxes for candidates placed at a site or in a city. Two places are compared at the radius of the coarser
    /// precision, so when the queried mention is itself a site or a city, finer candidates must lie closer than
    /// province-level ones: a box 40 km wide instead of 200 holds a twenty-fifth of the candidates.
    /// </summary>
    public GeoBox SiteBox { get; init; }
    public GeoBox CityBox { get; init; }

    /// <summary>Country whose country-precision mentions must also be fetched, regardless of the box.</summary>
    public string? CountryLevelCountry { get; init; }

    /// <summary>When set, only mentions in this country can match (the queried mention is itself country-level; the box is the globe).</summary>
    public string? OnlyCountry { get; init; }

    /// <summary>The box a candidate of this precision must lie in (province and unknown precisions: the widest).</summary>
    public GeoBox BoxFor(PlacePrecision candidate) => candidate switch
    {
        PlacePrecision.Site => SiteBox,
        PlacePrecision.City => CityBox,
        _ => Box,
    };

    /// <summary>The query semantics, for in-memory stores and tests.</summary>
    public bool Contains(IncidentMention m)
    {
        var anchor = IncidentResolver.AnchorDate(m);
        if (anchor < From || anchor > To || m.Place is null) return false;
        var p = m.Place;
        if (OnlyCountry is not null) return string.Equals(p.Country, OnlyCountry, StringComparison.OrdinalIgnoreCase);
        var precision = PlaceRules.ParsePrecision(p.Precision);
        if (precision == PlacePrecision.Country)
            return CountryLevelCountry is not null && string.Equals(p.Country, CountryLevelCountry, StringComparison.OrdinalIgnoreCase);
        return BoxFor(precision).Contains(p.Lat, p.Lon);
    }
}

/// <summary>One resolved incident: its mentions, and a key that is the smallest member MentionId.</summary>
public sealed record IncidentCluster(Guid Key, IReadOnlyList<IncidentMention> Mentions);
