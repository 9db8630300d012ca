using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.Resolution;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Telemetry;
using Ingestion.Store.Data;
using Ingestion.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.ObjectPool;

namespace Ingestion.Store.Tests;

/// <summary>The events the Store's batches queue in its outbox, on a fresh PostgreSQL database.</summary>
public sealed class BatchEventsTests
{
    private static readonly DateOnly Day = new(2024, 1, 20);

    /// <summary>Set within this test's flow only: other tests recording into the same static counters in parallel are not counted.</summary>
    private static readonly AsyncLocal<bool> InThisTest = new();

    [Fact]
    public async Task Mentions_of_one_incident_in_one_batch_publish_one_event_with_what_changed_since_the_last()
    {
        await using var store = await FreshStore.CreateAsync("store_events");
        using var counters = CountIncidentCounters(out var counted);
        InThisTest.Value = true;
        Task<List<object>> RecordAsync(params IncidentReported[] batch) => store.RecordEventsAsync([.. batch.Select(m => new Traced<IncidentReported>(m, default))]);

        // Two outlets in one batch: the incident is opened once, showing both.
        var firstBatch = await RecordAsync(Mentions.Rockets(Mentions.AinAlAsad, Day, "a.example"), Mentions.Rockets(Mentions.AinAlAsad, Day, "b.example"));
        var opened = Assert.IsType<IncidentOpened>(Assert.Single(firstBatch));
        Assert.Equal((1, 2), (opened.Incident.Revision, opened.Incident.SourceCount));
        Assert.Equal((1, 0), (counted["ingestion.incidents.opened"], counted["ingestion.incidents.revised"]));

        // Two more, one with casualties: one revision, with both changes.
        var secondBatch = await RecordAsync(Mentions.Rockets(Mentions.AinAlAsad, Day, "c.example", killed: 2), Mentions.Rockets(Mentions.AinAlAsad, Day, "d.example"));
        var revised = Assert.IsType<IncidentRevised>(Assert.Single(secondBatch));
        Assert.Equal(opened.Incident.IncidentId, revised.Incident.IncidentId);
        Assert.Equal((2, 4, 2), (revised.Incident.Revision, revised.Incident.SourceCount, revised.Incident.Killed));
        Assert.Equal(["casualties", "corroboration"], revised.Changes);
        Assert.Equal((1, 1), (counted["ingestion.incidents.opened"], counted["ingestion.incidents.revised"]));

        // Another article of an outlet already counted changes nothing a reader sees: no event, no revision.
        Assert.Empty(await RecordAsync(Mentions.Rockets(Mentions.AinAlAsad, Day, "a.example", killed: 2)));
        await using var read = new StoreDbContext(store.Options);
        var stored = await read.Incidents.SingleAsync(i => i.Id == opened.Incident.IncidentId);
        Assert.Equal((2, 5), (stored.Revision, stored.ArticleCount));
        Assert.Equal((1, 1), (counted["ingestion.incidents.opened"], counted["ingestion.incidents.revised"]));
    }

    [Fact]
    public async Task A_batch_publishes_its_events_in_one_message_each_in_the_trace_of_its_mention()
    {
        await using var store = await FreshStore.CreateAsync("store_events_traced");
        using var spans = new SpanCollector(); // the Store's spans are recorded only when something listens
        ActivityContext NewTrace() => new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var (atAinAlAsad, atRumeilan) = (NewTrace(), NewTrace());

        var events = await store.RecordEventsAsync(
        [
            new(Mentions.Rockets(Mentions.AinAlAsad, Day, "a.example"), atAinAlAsad),
            new(Mentions.Rockets(Mentions.Rumeilan, Day, "a.example"), atRumeilan),
        ]);

        var traces = events.Cast<IncidentOpened>().ToDictionary(e => e.Incident.Place!.Id!, e => ActivityContext.Parse(e.TraceParent!, null).TraceId);
        Assert.Equal(atAinAlAsad.TraceId, traces["ain_al_asad"]);
        Assert.Equal(atRumeilan.TraceId, traces["rumeilan"]);
    }

    [Fact]
    public async Task A_batch_of_many_incidents_publishes_them_twenty_to_a_message()
    {
        await using var store = await FreshStore.CreateAsync("store_events_split");

        // Rocket attacks a month apart: 45 incidents.
        var messages = await store.RecordAsync(
            [.. Enumerable.Range(0, 45).Select(i => new Traced<IncidentReported>(Mentions.Rockets(Mentions.AinAlAsad, Day.AddDays(30 * i), "a.example"), default))]);

        Assert.Equal([20, 20, 5], messages.Select(m => m.Opened.Count + m.Revised.Count));
        Assert.Equal(45, messages.SelectMany(m => m.Opened).Select(o => o.Incident.IncidentId).Distinct().Count());
    }

    /// <summary>The Store's batch recording on a PostgreSQL database of its own, with its outbox read as the relay would.</summary>
    private sealed class FreshStore : IAsyncDisposable
    {
        private readonly PostgresTestDatabase database;
        private readonly IncidentResolver resolver = new();
        private readonly ObjectPool<KeptBetweenBatches> kept;

        private FreshStore(PostgresTestDatabase database)
        {
            this.database = database;
            Options = new DbContextOptionsBuilder<StoreDbContext>().UseNpgsql(database.ConnectionString).Options;
            kept = KeptBetweenBatches.Pool(resolver);
        }

        public DbContextOptions<StoreDbContext> Options { get; }

        public static async Task<FreshStore> CreateAsync(string name)
        {
            var store = new FreshStore(new PostgresTestDatabase(name));
            await using var setup = new StoreDbContext(store.Options);
            await setup.Database.EnsureCreatedAsync();
            return store;
        }

        /// <summary>Records one batch as the Store's group commit would; returns the messages it queued, taken off the outbox.</summary>
        public async Task<List<IncidentsChanged>> RecordAsync(IReadOnlyList<Traced<IncidentReported>> batch)
        {
            await using var db = new StoreDbContext(Options);
            await new EfIncidentStore(db, resolver, kept, new OutboxSignal<StoreDbContext>(), TimeProvider.System).RecordMentionsAsync(batch, CancellationToken.None);
            var queued = await db.Outbox.OrderBy(o => o.Id).ToListAsync();
            db.Outbox.RemoveRange(queued);
            await db.SaveChangesAsync();
            Assert.All(queued, message => Assert.Equal(typeof(IncidentsChanged).FullName, message.MessageType));
            return [.. queued.Select(message => JsonSerializer.Deserialize<IncidentsChanged>(message.Payload)!)];
        }

        /// <summary>As <see cref="RecordAsync"/>, for a batch small enough for one message: its events, or none.</summary>
        public async Task<List<object>> RecordEventsAsync(IReadOnlyList<Traced<IncidentReported>> batch)
        {
            var messages = await RecordAsync(batch);
            if (messages.Count == 0) return [];
            var changed = Assert.Single(messages);
            List<object> events = [.. changed.Opened, .. changed.Revised];
            Assert.NotEmpty(events);
            return events;
        }

        public ValueTask DisposeAsync() => database.DisposeAsync();
    }

    /// <summary>Counts what the dashboards' incident counters receive from this test.</summary>
    private static MeterListener CountIncidentCounters(out Dictionary<string, long> counted)
    {
        var counts = counted = new() { ["ingestion.incidents.opened"] = 0, ["ingestion.incidents.revised"] = 0 };
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter == IngestionTelemetry.Meter && counts.ContainsKey(instrument.Name)) listener.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (InThisTest.Value) lock (counts) counts[instrument.Name] += value;
        });
        listener.Start();
        return listener;
    }
}
