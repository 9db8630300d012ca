using System.Net.Http.Json;
using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.Load;
using Ingestion.Testing;
using Ingestion.Testing.Processes;
using Npgsql;
using RabbitMQ.Client;

namespace Ingestion.Faults.Tests;

/// <summary>Reads where the pipeline stands (service databases, the read API, the receiver) and checks the end state.</summary>
public sealed class PipelineProbe(PlatformProcesses platform, WebhookReceiver receiver, string broker)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    /// <summary>A count from a service's database (rows matching an optional SQL condition), or null while that database cannot be reached.</summary>
    public Task<long?> CountAsync(string service, string table, string? where = null) =>
        ScalarAsync(service, $"SELECT count(*) FROM \"{table}\"" + (where is null ? "" : " WHERE " + where));

    /// <summary>Incident events waiting in the Store's outbox: each row is one batch's IncidentsChanged.</summary>
    public Task<long?> QueuedIncidentEventsAsync() => ScalarAsync("Store",
        """SELECT coalesce(sum(json_array_length(("Payload"::json)->'Opened') + json_array_length(("Payload"::json)->'Revised')), 0)::bigint FROM "Outbox" """);

    private async Task<long?> ScalarAsync(string service, string sql)
    {
        try
        {
            await using var connection = new NpgsqlConnection(platform.DatabaseOf(service) + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (Exception error) when (error is NpgsqlException or PostgresException or TimeoutException) { return null; }
    }

    public Task<long?> StoredMentionsAsync() => CountAsync("Store", "Mentions");

    /// <summary>Where every article and message stands: what a timeout prints to tell a loss from a wrong prediction.</summary>
    public async Task<string> DescribeAsync()
    {
        var lines = new List<string>();
        try
        {
            await using var connection = new NpgsqlConnection(platform.DatabaseOf("Feeds") + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT \"Status\"::text, count(*), sum(\"IncidentCount\") FROM \"Articles\" GROUP BY 1", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add($"articles status {reader.GetString(0)}: {reader.GetInt64(1)} ({reader.GetValue(2)} incidents)");
        }
        catch (Exception error) { lines.Add("feeds database: " + error.Message); }
        lines.Add(await DeadLettersAsync());
        lines.Add($"seen items {await CountAsync("Feeds", "SeenItems")}, feeds outbox {await CountAsync("Feeds", "Outbox")}, store outbox {await CountAsync("Store", "Outbox")}, mentions {await StoredMentionsAsync()}");
        return string.Join('\n', lines);
    }

    /// <summary>Messages parked in the endpoints' _error and _skipped queues: given up on, i.e. lost to the pipeline.</summary>
    public async Task<string> DeadLettersAsync()
    {
        try
        {
            await using var connection = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync();
            var counts = new List<string>();
            foreach (var queue in new[] { "process-article", "store-incident", "alert-on-incident" }.SelectMany(q => new[] { q + "_error", q + "_skipped" }))
            {
                await using var channel = await connection.CreateChannelAsync();
                try { counts.Add($"{queue} {(await channel.QueueDeclarePassiveAsync(queue)).MessageCount}"); }
                catch (RabbitMQ.Client.Exceptions.OperationInterruptedException) { /* never created: nothing failed there */ }
            }
            return "dead letters: " + (counts.Count == 0 ? "none" : string.Join(", ", counts));
        }
        catch (Exception error) { return "broker: " + error.Message; }
    }

    /// <summary>
    /// Until every predicted mention is stored and every incident alerted. Fails early when nothing has moved for
    /// two minutes (a message parked in an _error queue never comes back), at the latest after the full patience.
    /// Two, not one: a process whose bus stayed stuck after a fault moves nothing until the watchdog has stopped it
    /// (Bus:StopAfter plus Bus:UnhealthyAfter, 40 s here) and its fresh process has started.
    /// </summary>
    private async Task WaitForEndStateAsync(SyntheticCorpus corpus)
    {
        var deadline = DateTime.UtcNow + Patience;
        var (lastProgress, lastChange) = (-1L, DateTime.UtcNow);
        while (true)
        {
            var mentions = await StoredMentionsAsync() ?? 0;
            var alerted = Alerts.Select(a => a.Id).Distinct().Count();
            if (mentions >= corpus.ExpectedMentions && alerted >= corpus.ExpectedIncidents) return;
            if (mentions + alerted != lastProgress) (lastProgress, lastChange) = (mentions + alerted, DateTime.UtcNow);
            if (DateTime.UtcNow - lastChange > TimeSpan.FromMinutes(2) || DateTime.UtcNow > deadline)
                throw new TimeoutException($"Stuck at {mentions} of {corpus.ExpectedMentions} mentions stored, {alerted} of {corpus.ExpectedIncidents} incidents alerted");
            await Task.Delay(250);
        }
    }

    /// <summary>Waits until a condition holds; the description and last value explain a timeout.</summary>
    public static Task WaitAsync(Func<Task<long?>> probe, Func<long, bool> done, string what, TimeSpan? timeout = null) =>
        Eventually.ReturnsAsync(probe, v => v is { } value && done(value), timeout ?? Patience, what);

    /// <summary>Every live incident over the read API, page by page.</summary>
    public async Task<List<IncidentSnapshot>> IncidentsAsync()
    {
        using var http = new HttpClient { BaseAddress = platform.Store!.BaseAddress };
        var all = new List<IncidentSnapshot>();
        for (var offset = 0; ; offset += 500)
        {
            var page = await http.GetFromJsonAsync<List<IncidentSnapshot>>($"/incidents?limit=500&offset={offset}") ?? [];
            all.AddRange(page);
            if (page.Count < 500) return all;
        }
    }

    public IReadOnlyList<WebhookReceiver.Received> Alerts => receiver.Requests.ToList();

    /// <summary>What the receiver got: every webhook, the distinct webhook-ids, and how often each repeated id came.</summary>
    public sealed record AlertTally(int Received, int Distinct, IReadOnlyDictionary<string, int> Repeated)
    {
        /// <summary>Deliveries beyond the first of their webhook-id.</summary>
        public int Repeats => Received - Distinct;
    }

    /// <summary>
    /// The end state after any fault: every expected incident stored exactly once, every mention recorded
    /// exactly once, and one alert per incident (distinct webhook-id). A repeated delivery of the same webhook-id
    /// is at-least-once delivery that receivers deduplicate on; it must be an exact copy, and it is counted and
    /// reported (and returned, for a scenario to bound), not hidden.
    /// </summary>
    public async Task<AlertTally> AssertEveryIncidentStoredAndAlertedOnceAsync(SyntheticCorpus corpus, Action<string> log)
    {
        try { await WaitForEndStateAsync(corpus); }
        finally { log(await DescribeAsync()); }
        // Settle: anything extra (a duplicate incident, a second alert) would show up now.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var incidents = await IncidentsAsync();
        var alerts = Alerts;
        var byId = alerts.GroupBy(a => a.Id).ToList();
        var tally = new AlertTally(alerts.Count, byId.Count, byId.Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Count()));
        log($"stored {incidents.Count} incidents, {await StoredMentionsAsync()} mentions; {alerts.Count} webhooks received, {tally.Distinct} distinct ids, {tally.Repeats} repeated deliveries"
            + (tally.Repeated.Count == 0 ? "" : $" ({string.Join(", ", tally.Repeated.Select(r => $"{r.Key} x{r.Value}"))})"));
        Assert.Equal(corpus.ExpectedIncidents, incidents.Count);
        Assert.Equal(corpus.ExpectedMentions, await StoredMentionsAsync());
        Assert.Equal(corpus.ExpectedIncidents, tally.Distinct);
        // A repeat is the same alert again (same webhook-id, same body), never a second alert.
        var altered = byId.Where(g => g.Select(a => a.Body).Distinct().Count() > 1).Select(g => g.Key).ToList();
        Assert.True(altered.Count == 0, "webhook-ids repeated with a different body: " + string.Join(", ", altered));
        var idsPerIncident = byId.GroupBy(g => IncidentOf(g.First())).ToDictionary(g => g.Key, g => g.Select(x => x.Key).ToList());
        var twice = idsPerIncident.Where(i => i.Value.Count > 1).Select(i => $"{i.Key}: {string.Join(", ", i.Value)}").ToList();
        Assert.True(twice.Count == 0, "incidents alerted under two webhook-ids: " + string.Join("; ", twice));
        Assert.True(idsPerIncident.Keys.ToHashSet().SetEquals(incidents.Select(i => i.IncidentId)), "the alerted incidents are exactly the stored ones");
        return tally;
    }

    private static Guid IncidentOf(WebhookReceiver.Received alert) =>
        JsonDocument.Parse(alert.Body).RootElement.GetProperty("incident").GetProperty("incidentId").GetGuid();
}
