namespace Ingestion.Extraction.Lexicon;

/// <summary>A gazetteer entry. <see cref="Public"/> is built once so incidents share it without allocating.</summary>
internal sealed record PlaceInfo(ExtractedPlace Public, bool HostsUsForces)
{
    public string Precision => Public.Precision;
    public string Country => Public.Country;

    /// <summary>Lower is more specific: site 0, city 1, province 2, country 3.</summary>
    public int Rank => PrecisionRank(Public.Precision);

    public static int PrecisionRank(string precision) => precision switch
    {
        "site" => 0, "city" => 1, "province" => 2, _ => 3,
    };

    /// <summary>How far from its point a place still counts as "inside" it, in km.</summary>
    public double RadiusKm => Rank switch { 0 => 25, 1 => 40, 2 => 200, _ => 1000 };

    public double DistanceKm(PlaceInfo other)
    {
        const double toRad = Math.PI / 180;
        double dLat = (other.Public.Lat - Public.Lat) * toRad, dLon = (other.Public.Lon - Public.Lon) * toRad;
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                 + Math.Cos(Public.Lat * toRad) * Math.Cos(other.Public.Lat * toRad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 6371.0 * 2 * Math.Asin(Math.Sqrt(h));
    }

    /// <summary>True when <paramref name="inner"/> lies within this (less specific) place.</summary>
    public bool Contains(PlaceInfo inner)
    {
        if (inner.Public.Id == Public.Id) return true;
        if (inner.Rank > Rank) return false;
        if (Rank == 3) return inner.Country == Country;
        return inner.Country == Country && DistanceKm(inner) <= RadiusKm;
    }
}

/// <summary>An actor: a canonical id and whether it is a state force (a strike by a state is an airstrike).</summary>
internal sealed record ActorInfo(string Id, bool IsState);
