using Ingestion.Resolution;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Ingestion.Store.Data;

/// <summary>
/// Which stored incidents have a mention inside each of a batch's candidate windows (see
/// <see cref="IncidentResolver.WindowFor"/>). The database does not change under a batch (it holds the lock and
/// writes at its end), so every window of the batch is asked at its start. On PostgreSQL that is one query for the
/// whole batch: one query a mention was most of the Store's round trips and much of its waiting. SQLite, the
/// embedded single-user mode, asks window by window.
/// </summary>
/// <remarks>
/// The query reads the mentions of each day the windows cover once, then matches every window against those of its
/// days. A live stream's batch is tens of windows over the same weeks: joined to the mentions window by window, each
/// row of those weeks was read once per window, and once the table outgrew the database's cache that query took
/// 113 ms a batch on average (at most 1.6 s) over a 30-minute soak, where it had taken 12 ms at the start.
/// </remarks>
internal static class NeighbourhoodQueries
{
    /// <summary>For each window, in order, the stored incidents with a mention inside it.</summary>
    public static async Task<IReadOnlyList<Guid>[]> IncidentsAroundAsync(StoreDbContext db, IReadOnlyList<CandidateWindow> windows, CancellationToken ct)
    {
        if (!db.IsPostgres || windows.Count == 0)
        {
            var each = new IReadOnlyList<Guid>[windows.Count];
            for (var i = 0; i < windows.Count; i++) each[i] = await IncidentsAroundAsync(db, windows[i], ct);
            return each;
        }
        var hits = await db.Database.SqlQueryRaw<WindowIncident>(AllWindowsSql, Parameters(windows)).ToListAsync(ct);
        var around = Enumerable.Range(0, windows.Count).Select(_ => new List<Guid>()).ToArray();
        foreach (var hit in hits) around[hit.Window - 1].Add(hit.IncidentId);
        return around;
    }

    /// <summary>One window through EF Core: the query every provider understands, and what the batch query must agree with.</summary>
    public static async Task<IReadOnlyList<Guid>> IncidentsAroundAsync(StoreDbContext db, CandidateWindow w, CancellationToken ct)
    {
        var nearby = db.Mentions.Where(m => m.AnchorDate >= w.From && m.AnchorDate <= w.To && m.Lat != null);
        if (w.OnlyCountry is { } only) nearby = nearby.Where(m => m.Country == only);
        else
        {
            // Finer candidates must lie closer (see CandidateWindow.SiteBox); the boxes as locals become query parameters.
            GeoBox site = w.SiteBox, city = w.CityBox, other = w.Box;
            var country = w.CountryLevelCountry;
            nearby = nearby.Where(m =>
                m.Precision == "site" ? m.Lat >= site.MinLat && m.Lat <= site.MaxLat && m.Lon >= site.MinLon && m.Lon <= site.MaxLon
                : m.Precision == "city" ? m.Lat >= city.MinLat && m.Lat <= city.MaxLat && m.Lon >= city.MinLon && m.Lon <= city.MaxLon
                : m.Precision == "country" ? m.Country == country
                : m.Lat >= other.MinLat && m.Lat <= other.MaxLat && m.Lon >= other.MinLon && m.Lon <= other.MaxLon);
        }
        return await nearby.Select(m => m.IncidentId).Distinct().ToListAsync(ct);
    }

    /// <summary>A window's number (from 1, in the order given) and an incident with a mention inside it.</summary>
    private sealed class WindowIncident
    {
        public int Window { get; set; }
        public Guid IncidentId { get; set; }
    }

    // The same predicate as the EF Core query above, each window a row of the unnested arrays. The mentions of every
    // day some window covers are read once, by day through the (AnchorDate, Lat, Lon) index, and each window meets
    // only those of its own days, through an equality join on (window, day) pairs: a batch's windows may also be spread
    // over months, and joined by date range the planner could neither estimate the rows nor avoid reading the table.
    private const string AllWindowsSql = """
        WITH nearby AS MATERIALIZED (
            SELECT m."IncidentId", m."AnchorDate", m."Lat", m."Lon", m."Precision", m."Country"
            FROM "Mentions" m WHERE m."AnchorDate" = ANY (@days) AND m."Lat" IS NOT NULL)
        SELECT DISTINCT w.ord::int AS "Window", m."IncidentId"
        FROM unnest(@only_country, @country_level,
                    @site_min_lat, @site_max_lat, @site_min_lon, @site_max_lon,
                    @city_min_lat, @city_max_lat, @city_min_lon, @city_max_lon,
                    @box_min_lat, @box_max_lat, @box_min_lon, @box_max_lon) WITH ORDINALITY
             AS w(only_country, country_level,
                  site_min_lat, site_max_lat, site_min_lon, site_max_lon,
                  city_min_lat, city_max_lat, city_min_lon, city_max_lon,
                  box_min_lat, box_max_lat, box_min_lon, box_max_lon, ord)
        JOIN unnest(@pair_window, @pair_day) AS d(ord, day) ON d.ord = w.ord
        JOIN nearby m ON m."AnchorDate" = d.day
        WHERE CASE
            WHEN w.only_country IS NOT NULL THEN m."Country" = w.only_country
            WHEN m."Precision" = 'site' THEN m."Lat" BETWEEN w.site_min_lat AND w.site_max_lat AND m."Lon" BETWEEN w.site_min_lon AND w.site_max_lon
            WHEN m."Precision" = 'city' THEN m."Lat" BETWEEN w.city_min_lat AND w.city_max_lat AND m."Lon" BETWEEN w.city_min_lon AND w.city_max_lon
            WHEN m."Precision" = 'country' THEN m."Country" = w.country_level
            ELSE m."Lat" BETWEEN w.box_min_lat AND w.box_max_lat AND m."Lon" BETWEEN w.box_min_lon AND w.box_max_lon
        END
        """;

    private static object[] Parameters(IReadOnlyList<CandidateWindow> windows)
    {
        // Each window as (window number from 1, day) pairs, one for every day it covers.
        var pairs = windows.SelectMany((w, i) => Enumerable.Range(w.From.DayNumber, w.To.DayNumber - w.From.DayNumber + 1).Select(day => (Window: (long)i + 1, Day: DateOnly.FromDayNumber(day))))
            .ToList();
        NpgsqlParameter Days(string name, IEnumerable<DateOnly> days) => new(name, NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = days.ToArray() };
        NpgsqlParameter Texts(string name, Func<CandidateWindow, string?> text) =>
            new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = windows.Select(text).ToArray() };
        IEnumerable<NpgsqlParameter> Box(string prefix, Func<CandidateWindow, GeoBox> box)
        {
            NpgsqlParameter Edge(string name, Func<GeoBox, double> edge) =>
                new($"{prefix}_{name}", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = windows.Select(w => edge(box(w))).ToArray() };
            return [Edge("min_lat", b => b.MinLat), Edge("max_lat", b => b.MaxLat), Edge("min_lon", b => b.MinLon), Edge("max_lon", b => b.MaxLon)];
        }
        return [Days("days", pairs.Select(p => p.Day).Distinct()), Days("pair_day", pairs.Select(p => p.Day)),
            new NpgsqlParameter("pair_window", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = pairs.Select(p => p.Window).ToArray() },
            Texts("only_country", w => w.OnlyCountry), Texts("country_level", w => w.CountryLevelCountry),
            .. Box("site", w => w.SiteBox), .. Box("city", w => w.CityBox), .. Box("box", w => w.Box)];
    }
}
