using Npgsql;

namespace Ingestion.Load;

/// <summary>The figures of one run, read from the services' own rows (Feeds: Articles; Store: Mentions) and the receiver.</summary>
public static class LoadReport
{
    public sealed record Span(long Count, DateTimeOffset First, DateTimeOffset Last)
    {
        public double PerSecond => Count / Math.Max((Last - First).TotalSeconds, 0.001);
    }

    /// <summary>Articles collected since <paramref name="since"/>: from the first collection to the last article processed.</summary>
    public static Task<Span> ArticlesAsync(string feeds, DateTimeOffset since) =>
        SpanAsync(feeds, "SELECT count(*), min(\"CollectedAt\"), max(\"ProcessedAt\") FROM \"Articles\" WHERE \"CollectedAt\" >= @since", since);

    /// <summary>Mentions collected since <paramref name="since"/>: from the first collection to the last mention recorded.</summary>
    public static Task<Span> MentionsAsync(string store, DateTimeOffset since) =>
        SpanAsync(store, "SELECT count(*), min(\"CollectedAt\"), max(\"RecordedAt\") FROM \"Mentions\" WHERE \"CollectedAt\" >= @since", since);

    /// <param name="since">The value of the query's @since parameter, if it has one.</param>
    public static async Task<long> ScalarAsync(string database, string sql, DateTimeOffset? since = null)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (since is { } from) command.Parameters.AddWithValue("since", from.UtcDateTime);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Seconds from collection to storage of every mention collected since <paramref name="since"/>.</summary>
    public static Task<List<double>> CollectedToStoredAsync(string store, DateTimeOffset since) =>
        ReadAsync(store, "SELECT extract(epoch FROM \"RecordedAt\" - \"CollectedAt\")::float8 FROM \"Mentions\" WHERE \"CollectedAt\" >= @since", r => r.GetDouble(0), since);

    /// <summary>Seconds from the collection of the article behind each alert to its delivery, for alerts caused since <paramref name="since"/>.</summary>
    public static Task<List<double>> CollectedToAlertedAsync(string alerting, DateTimeOffset since) =>
        ReadAsync(alerting, "SELECT extract(epoch FROM \"DeliveredAt\" - \"CollectedAt\")::float8 FROM \"Deliveries\" WHERE \"DeliveredAt\" IS NOT NULL AND \"CollectedAt\" >= @since",
            r => r.GetDouble(0), since);

    /// <summary>
    /// Where the time from collection to alert goes, stage by stage, as percentiles of each stage's own durations (they
    /// do not add up): the FeedWorker's reading (relay, broker, the page's fetch), from read to stored (extraction,
    /// its commit, relay, broker, the Store's batch), and from an alert's recording to its delivery.
    /// </summary>
    public static async Task<string> StagesAsync(string feeds, string store, string alerting, DateTimeOffset since)
    {
        var read = await ReadAsync(feeds, "SELECT \"Id\", \"ProcessedAt\", extract(epoch FROM \"ProcessedAt\" - \"CollectedAt\")::float8 FROM \"Articles\" WHERE \"CollectedAt\" >= @since",
            r => (Id: r.GetGuid(0), At: r.GetFieldValue<DateTimeOffset>(1), Lag: r.GetDouble(2)), since);
        var readAt = read.ToDictionary(a => a.Id, a => a.At);
        var stored = await ReadAsync(store, "SELECT \"ArticleId\", \"RecordedAt\" FROM \"Mentions\" WHERE \"CollectedAt\" >= @since",
            r => (Id: r.GetGuid(0), At: r.GetFieldValue<DateTimeOffset>(1)), since);
        var readToStored = stored.Where(m => readAt.ContainsKey(m.Id)).Select(m => (m.At - readAt[m.Id]).TotalSeconds).ToList();
        var sending = await ReadAsync(alerting, "SELECT extract(epoch FROM \"DeliveredAt\" - \"CreatedAt\")::float8 FROM \"Deliveries\" WHERE \"DeliveredAt\" IS NOT NULL AND \"CollectedAt\" >= @since",
            r => r.GetDouble(0), since);
        return $"collected -> read {Brief(read.Select(a => a.Lag).ToList())}; read -> stored {Brief(readToStored)}; alert recorded -> delivered {Brief(sending)}";
    }

    private static string Brief(List<double> values)
    {
        values.Sort();
        return $"p50 {Percentile(values, 0.50):0.00} s, p99 {Percentile(values, 0.99):0.00} s";
    }

    /// <summary>
    /// Per minute of collection since <paramref name="since"/>: mentions collected, and their collected → stored
    /// p50, p99 and worst, so a long run shows when a latency tail happened, not only that it did.
    /// </summary>
    public static Task<List<string>> CollectedToStoredByMinuteAsync(string store, DateTimeOffset since) =>
        ReadAsync(store, """
            SELECT floor(extract(epoch FROM "CollectedAt" - @since) / 60)::int AS minute, count(*),
                   percentile_disc(0.5) WITHIN GROUP (ORDER BY lag), percentile_disc(0.99) WITHIN GROUP (ORDER BY lag), max(lag)
            FROM (SELECT "CollectedAt", extract(epoch FROM "RecordedAt" - "CollectedAt")::float8 AS lag FROM "Mentions" WHERE "CollectedAt" >= @since) m
            GROUP BY 1 ORDER BY 1
            """,
            r => $"minute {r.GetInt32(0),3}: {r.GetInt64(1),6} mentions, p50 {r.GetDouble(2),6:0.00} s, p99 {r.GetDouble(3),6:0.00} s, max {r.GetDouble(4),6:0.00} s", since);

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Percentiles(List<double> values)
    {
        values.Sort();
        return $"p50 {Percentile(values, 0.50):0.000} s, p95 {Percentile(values, 0.95):0.000} s, p99 {Percentile(values, 0.99):0.000} s (n={values.Count})";
    }

    private static async Task<Span> SpanAsync(string database, string sql, DateTimeOffset since)
    {
        var rows = await ReadAsync(database, sql, r => new Span(r.GetInt64(0),
            r.IsDBNull(1) ? default : r.GetFieldValue<DateTimeOffset>(1), r.IsDBNull(2) ? default : r.GetFieldValue<DateTimeOffset>(2)), since);
        return rows[0];
    }

    private static async Task<List<T>> ReadAsync<T>(string database, string sql, Func<NpgsqlDataReader, T> read, DateTimeOffset? since = null)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (since is { } from) command.Parameters.AddWithValue("since", from);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
