namespace Ingestion.Resolution;

/// <summary>
/// What a store must query to find every mention that could match a given one:
/// mentions whose <see cref="IncidentResolver.AnchorDate"/> lies in [From, To] and whose point lies in the box,
/// plus country-precision mentions of <see cref="CountryLevelCountry"/> wherever their point is
/// (a country-level mention matches anything in its country, and its point is only a centroid).
/// </summary>
public sealed record CandidateWindow(DateOnly From, DateOnly To, double MinLat, double MaxLat, double MinLon, double MaxLon)
{
    /// <summary>Country whose country-precision mentions must also be fetched, regardless of the box.</summary>
    public string? CountryLevelCountry { get; init; }

    /// <summary>When set, only mentions in this country can match (the queried mention is itself country-level; the box is the globe).</summary>
    public string? OnlyCountry { get; init; }

    /// <summary>The query semantics, for in-memory stores and tests.</summary>
    public bool Contains(IncidentMention m)
    {
        var anchor = IncidentResolver.AnchorDate(m);
        if (anchor < From || anchor > To || m.Place is null) return false;
        var p = m.Place;
        if (OnlyCountry is not null && !string.Equals(p.Country, OnlyCountry, StringComparison.OrdinalIgnoreCase)) return false;
        if (CountryLevelCountry is not null && PlaceRules.ParsePrecision(p.Precision) == PlacePrecision.Country
            && string.Equals(p.Country, CountryLevelCountry, StringComparison.OrdinalIgnoreCase)) return true;
        return p.Lat >= MinLat && p.Lat <= MaxLat && p.Lon >= MinLon && p.Lon <= MaxLon;
    }
}

/// <summary>One resolved incident: its mentions, and a key that is the smallest member MentionId.</summary>
public sealed record IncidentCluster(Guid Key, IReadOnlyList<IncidentMention> Mentions);
