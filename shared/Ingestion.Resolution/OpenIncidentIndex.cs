namespace Ingestion.Resolution;

/// <summary>
/// In-memory index of the mentions of open incidents, bucketed by anchor day and a 1° grid cell (country-level
/// mentions by day and country), so that finding the incidents a new mention matches reads only the buckets of
/// its <see cref="CandidateWindow"/> instead of scanning. Not thread-safe: one writer, or external locking.
/// </summary>
public sealed class OpenIncidentIndex
{
    private readonly record struct Entry(Guid IncidentId, IncidentMention Mention);

    private readonly Dictionary<long, List<Entry>> _byCell = [];
    private readonly Dictionary<(int Day, string Country), List<Entry>> _countryLevel = [];
    // Every placed mention by day and country: what a country-level mention, which matches anywhere in its country, reads.
    private readonly Dictionary<(int Day, string Country), List<Entry>> _byCountry = [];
    private readonly Dictionary<Guid, List<IncidentMention>> _incidents = [];

    public int IncidentCount => _incidents.Count;

    /// <summary>Files one more mention under an incident (an incident is found through any of its mentions).</summary>
    public void Add(Guid incidentId, IncidentMention m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (!_incidents.TryGetValue(incidentId, out var list)) _incidents[incidentId] = list = [];
        list.Add(m);
        foreach (var bucket in BucketsOf(m, create: true)) bucket!.Add(new Entry(incidentId, m));
    }

    /// <summary>Forgets an incident and all its mentions (closed, or merged into another). False when unknown.</summary>
    public bool Remove(Guid incidentId)
    {
        if (!_incidents.Remove(incidentId, out var mentions)) return false;
        foreach (var m in mentions)
            foreach (var bucket in BucketsOf(m, create: false))
                bucket?.RemoveAll(e => e.IncidentId == incidentId);
        return true;
    }

    /// <summary>Incidents with at least one mention that <paramref name="r"/> says is the same incident as <paramref name="m"/>, sorted.
    /// More than one means <paramref name="m"/> bridges them (merge them if <see cref="IncidentResolver.CanMerge"/> allows).</summary>
    public IReadOnlyList<Guid> FindMatches(IncidentMention m, IncidentResolver r)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(r);
        if (m.Place is null) return [];
        var w = r.WindowFor(m);
        var found = new HashSet<Guid>();
        string country = Country(m.Place);
        for (int day = w.From.DayNumber; day <= w.To.DayNumber; day++)
        {
            if (w.OnlyCountry is not null) Collect(_byCountry, (day, country), m, r, found);
            else Collect(_countryLevel, (day, country), m, r, found);
        }
        if (w.OnlyCountry is null)
        {
            // Dated and undated candidates are filed apart: a dated probe needs dated candidates from only ±T days.
            CollectCells(m, r, w, dated: true, found);
            CollectCells(m, r, w, dated: false, found);
        }
        var result = found.ToList();
        result.Sort();
        return result;
    }

    private void CollectCells(IncidentMention m, IncidentResolver r, CandidateWindow w, bool dated, HashSet<Guid> found)
    {
        var (from, to) = r.AnchorRange(m, candidateDated: dated);
        for (int day = from; day <= to; day++)
            for (int lat = Cell(w.Box.MinLat); lat <= Cell(w.Box.MaxLat); lat++)
                for (int lon = Cell(w.Box.MinLon); lon <= Cell(w.Box.MaxLon); lon++)
                    if (_byCell.TryGetValue(CellKey(day, dated, lat, lon), out var bucket))
                        Collect(bucket, m, r, found);
    }

    private IEnumerable<List<Entry>?> BucketsOf(IncidentMention m, bool create)
    {
        if (m.Place is not { } p) yield break; // an unknown place matches nothing, so it is never looked up
        int day = IncidentResolver.AnchorDate(m).DayNumber;
        var countryKey = (day, Country(p));
        yield return Get(_byCountry, countryKey, create);
        if (PlaceRules.ParsePrecision(p.Precision) == PlacePrecision.Country)
            yield return Get(_countryLevel, countryKey, create);
        else
            yield return Get(_byCell, CellKey(day, DateRules.EffectiveDate(m) is not null, Cell(p.Lat), Cell(p.Lon)), create);
    }

    private static List<Entry>? Get<TKey>(Dictionary<TKey, List<Entry>> map, TKey key, bool create) where TKey : notnull
    {
        if (map.TryGetValue(key, out var list) || !create) return list;
        return map[key] = [];
    }

    private static void Collect<TKey>(Dictionary<TKey, List<Entry>> map, TKey key, IncidentMention m, IncidentResolver r, HashSet<Guid> found)
        where TKey : notnull
    {
        if (map.TryGetValue(key, out var bucket)) Collect(bucket, m, r, found);
    }

    private static void Collect(List<Entry> bucket, IncidentMention m, IncidentResolver r, HashSet<Guid> found)
    {
        foreach (var e in bucket)
            if (!found.Contains(e.IncidentId) && r.SameIncident(m, e.Mention)) found.Add(e.IncidentId);
    }

    private static string Country(MentionPlace p) => p.Country.Trim().ToUpperInvariant();

    // Half-degree cells: a 200 km box is covered by ~80 cells scanning ~1.3× its area (1° cells scan ~2×).
    private static int Cell(double degrees) => (int)Math.Floor(degrees * 2);

    // Cells offset to be non-negative fit 10 bits each (lat·2+180 < 1024, lon·2+360 < 1024); one bit for dated.
    private static long CellKey(int day, bool dated, int latCell, int lonCell) =>
        ((long)day << 21) | (dated ? 1L << 20 : 0) | ((long)(latCell + 180) << 10) | (uint)(lonCell + 360);
}
