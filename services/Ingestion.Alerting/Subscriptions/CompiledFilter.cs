using Ingestion.Contracts;

namespace Ingestion.Alerting.Subscriptions;

/// <summary>
/// An <see cref="AlertFilter"/> turned into sets and precomputed numbers once, so matching one incident
/// against thousands of subscriptions costs a few comparisons each and allocates nothing.
/// </summary>
public sealed class CompiledFilter
{
    private const double EarthRadiusKm = 6371.0088;
    private readonly HashSet<string>? kinds, countries, places, attackers, targets, revisions;
    private readonly GeoBox? box;
    private readonly (double LatRad, double LonRad, double CosLat, double MaxHaversine)? near;
    private readonly AlertFilter filter;

    public CompiledFilter(AlertFilter filter)
    {
        this.filter = filter;
        kinds = SetOf(filter.Kinds, StringComparer.Ordinal);
        countries = SetOf(filter.Countries, StringComparer.OrdinalIgnoreCase);
        places = SetOf(filter.Places.Select(p => p.Trim()), StringComparer.OrdinalIgnoreCase);
        attackers = SetOf(filter.Attackers, StringComparer.OrdinalIgnoreCase);
        targets = SetOf(filter.Targets, StringComparer.OrdinalIgnoreCase);
        revisions = SetOf(filter.Revisions, StringComparer.Ordinal);
        box = filter.Box;
        if (filter.Near is { } c)
        {
            // Compare haversine terms instead of distances: no asin or sqrt per incident.
            var half = Math.Sin(Math.Min(c.RadiusKm / EarthRadiusKm, Math.PI) / 2);
            near = (Radians(c.Lat), Radians(c.Lon), Math.Cos(Radians(c.Lat)), half * half);
        }
    }

    public bool WantsNewIncidents => filter.NewIncidents;

    /// <summary>Whether a revision carrying these changes is one the subscriber asked for.</summary>
    public bool WantsRevision(IReadOnlyList<string> changes)
    {
        if (revisions is null) return false;
        foreach (var change in changes) if (revisions.Contains(change)) return true;
        return false;
    }

    /// <summary>Whether the incident, as it now stands, is one the subscriber follows.</summary>
    public bool Matches(IncidentSnapshot incident)
    {
        if (kinds is not null && !kinds.Contains(incident.Kind)) return false;
        if (filter.MinKilled is { } k && (incident.Killed ?? 0) < k) return false;
        if (filter.MinWounded is { } w && (incident.Wounded ?? 0) < w) return false;
        if (filter.MinSources is { } s && incident.SourceCount < s) return false;
        if (filter.MinConfidence is { } c && incident.Confidence < c) return false;
        var place = incident.Place;
        if (countries is not null && (place is null || !countries.Contains(place.Country))) return false;
        if (places is not null && (place is null || !(Contains(places, place.Id) || places.Contains(place.Name) || Contains(places, place.NameArabic)))) return false;
        if (box is { } b && (place is null || place.Lat < b.MinLat || place.Lat > b.MaxLat || place.Lon < b.MinLon || place.Lon > b.MaxLon)) return false;
        if (near is { } n && (place is null || !Within(n, place.Lat, place.Lon))) return false;
        if (attackers is not null && !(Contains(attackers, incident.Attacker) || Contains(attackers, incident.ClaimedBy))) return false;
        if (targets is not null && !Contains(targets, incident.Target)) return false;
        return true;
    }

    private static bool Within((double LatRad, double LonRad, double CosLat, double MaxHaversine) n, double lat, double lon)
    {
        var latRad = Radians(lat);
        var dLat = Math.Sin((latRad - n.LatRad) / 2);
        var dLon = Math.Sin((Radians(lon) - n.LonRad) / 2);
        return dLat * dLat + n.CosLat * Math.Cos(latRad) * dLon * dLon <= n.MaxHaversine;
    }

    private static bool Contains(HashSet<string> set, string? value) => value is not null && set.Contains(value);

    private static HashSet<string>? SetOf(IEnumerable<string> values, StringComparer comparer)
    {
        var set = new HashSet<string>(values, comparer);
        return set.Count == 0 ? null : set;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
