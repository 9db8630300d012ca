namespace Ingestion.Resolution;

/// <summary>Place precisions, finest first, so that Math.Max gives the coarser of two.</summary>
public enum PlacePrecision { Site = 0, City = 1, Province = 2, Country = 3 }

/// <summary>Whether two reported places can be the same place.</summary>
internal static class PlaceRules
{
    private const double EarthRadiusKm = 6371.0;

    /// <summary>Unknown precision words count as province: wide enough to be found, narrow enough not to swallow a country.</summary>
    public static PlacePrecision ParsePrecision(string? precision)
    {
        // Compared in place, without a lower-cased copy: this runs several times for every pair of mentions compared.
        var word = precision.AsSpan().Trim();
        if (word.Equals("site", StringComparison.OrdinalIgnoreCase)) return PlacePrecision.Site;
        if (word.Equals("city", StringComparison.OrdinalIgnoreCase)) return PlacePrecision.City;
        if (word.Equals("country", StringComparison.OrdinalIgnoreCase)) return PlacePrecision.Country;
        return PlacePrecision.Province;
    }

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        double dLat = ToRad(lat2 - lat1), dLon = ToRad(lon2 - lon1);
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                   + Math.Cos(ToRad(lat1)) * Math.Cos(ToRad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public static double RadiusKm(PlacePrecision coarser, ResolverOptions o) => coarser switch
    {
        PlacePrecision.Site => o.SiteRadiusKm,
        PlacePrecision.City => o.CityRadiusKm,
        _ => o.ProvinceRadiusKm,
    };

    /// <summary>
    /// Same gazetteer id; or, at the coarser of the two precisions, the same country (country level) or
    /// a distance within that precision's radius, which is how "a site inside its city/province" is judged
    /// without a gazetteer hierarchy. Two different identified sites are different places however close
    /// (the US embassy and Baghdad airport are 16 km apart). An unknown place agrees with nothing.
    /// </summary>
    public static bool Agree(MentionPlace? a, MentionPlace? b, ResolverOptions o)
    {
        if (a is null || b is null) return false;
        if (a.Id is not null && b.Id is not null && string.Equals(a.Id, b.Id, StringComparison.Ordinal)) return true;
        var pa = ParsePrecision(a.Precision);
        var pb = ParsePrecision(b.Precision);
        if (DifferentSites(a, b)) return false;
        var coarser = (PlacePrecision)Math.Max((int)pa, (int)pb);
        if (coarser == PlacePrecision.Country)
            return string.Equals(a.Country, b.Country, StringComparison.OrdinalIgnoreCase);
        double radius = RadiusKm(coarser, o);
        // A degree of latitude is never shorter than 110 km, so a larger latitude gap alone rules the pair out.
        if (Math.Abs(a.Lat - b.Lat) * 110.0 > radius) return false;
        return DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon) <= radius;
    }

    /// <summary>Both are sites with gazetteer ids, and the ids differ.</summary>
    public static bool DifferentSites(MentionPlace? a, MentionPlace? b) =>
        a?.Id is not null && b?.Id is not null && !string.Equals(a.Id, b.Id, StringComparison.Ordinal)
        && ParsePrecision(a.Precision) == PlacePrecision.Site && ParsePrecision(b.Precision) == PlacePrecision.Site;

    private static double ToRad(double deg) => deg * Math.PI / 180.0;
}
