using System.Diagnostics;
using Ingestion.Contracts;
using Ingestion.Resolution;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Telemetry;

namespace Ingestion.Store.Data;

/// <summary>
/// The events one batch publishes: one for each incident it opened or changed, as the incident stands at the
/// batch's end against what was last published of it. Several mentions of one incident often come in one batch (a
/// story syndicated by several outlets, read within the same second), and each used to publish a revision of its
/// own: in a live-like stream 42 % of the Store's events, each a message through the broker, a decision for
/// Alerting and, for a subscriber to every change, an alert more about the same incident within a second.
/// An incident's Revision counts the states published of it. The batch's events travel together, 20 to a message.
/// </summary>
internal sealed class BatchEvents
{
    private sealed class Pending(IncidentView? published, DateTimeOffset collectedAt, string? traceParent)
    {
        /// <summary>What subscribers last heard of the incident; null when this batch opened it.</summary>
        public IncidentView? Published { get; } = published;
        public IncidentView? Now { get; set; }
        public List<Guid> Merged { get; } = [];
        public bool Absorbed { get; set; }
        /// <summary>The earliest collection among the mentions behind the event (its latency is theirs), and the trace of the first.</summary>
        public DateTimeOffset CollectedAt { get; set; } = collectedAt;
        public string? TraceParent { get; } = traceParent;
    }

    private readonly Dictionary<Guid, Pending> pending = [];
    private readonly List<Guid> order = [];
    private readonly List<(string Kind, bool Opened)> written = [];

    public void Opened(Guid incidentId, DateTimeOffset collectedAt) => Touch(incidentId, published: null, collectedAt);

    public void Revised(Guid incidentId, IncidentView before, IncidentView after, IReadOnlyList<Guid> merged, DateTimeOffset collectedAt)
    {
        var touched = Touch(incidentId, before, collectedAt);
        touched.Now = after;
        touched.Merged.AddRange(merged);
    }

    /// <summary>Folded into another incident: it publishes nothing of its own, and if this batch opened it, nobody heard of it.</summary>
    public void Absorbed(Guid incidentId)
    {
        if (pending.TryGetValue(incidentId, out var touched)) touched.Absorbed = true;
    }

    /// <summary>
    /// Most events in one message. An event is about 1.6 K characters of JSON, 3.3 KB as a .NET string; 20 keep a
    /// message's text under the 85 KB from which .NET puts it on the large-object heap. All of a batch's events in
    /// one message (up to a few hundred) raised the Store's peak memory by 30–40 MB in the default load run.
    /// </summary>
    public const int MaxEventsPerMessage = 20;

    /// <summary>
    /// Queues the batch's events in <see cref="IncidentsChanged"/> messages of up to <see cref="MaxEventsPerMessage"/>,
    /// each event with the trace of the first mention that touched its incident; a revision raises the incident's Revision.
    /// </summary>
    public void Write(StoreDbContext db, Func<Guid, IncidentRecord> incidents, DateTimeOffset now)
    {
        var events = new List<object>();
        foreach (var id in order)
        {
            var touched = pending[id];
            if (touched.Absorbed) continue;
            var incident = incidents(id);
            if (touched.Published is null)
            {
                events.Add(new IncidentOpened { Incident = IncidentMapping.ToSnapshot(incident), CollectedAt = touched.CollectedAt, TraceParent = touched.TraceParent });
                written.Add((incident.Kind, Opened: true));
                continue;
            }
            // Incidents this batch opened and folded in were never published: subscribers hear only of their mentions.
            var merged = touched.Merged.Where(m => !OpenedHere(m)).Distinct().ToList();
            var changes = IncidentSummary.Changes(touched.Published, touched.Now!).ToList();
            if (merged.Count > 0) changes.Add("merged");
            if (changes.Count == 0) continue;
            incident.Revision++;
            events.Add(new IncidentRevised
            {
                Incident = IncidentMapping.ToSnapshot(incident), Changes = changes, MergedIncidentIds = merged,
                CollectedAt = touched.CollectedAt, TraceParent = touched.TraceParent,
            });
            written.Add((incident.Kind, Opened: false));
        }
        // Each message goes in the trace of its first event: its consumer's span shows up there.
        foreach (var chunk in events.Chunk(MaxEventsPerMessage))
            db.Enqueue(new IncidentsChanged { Opened = [.. chunk.OfType<IncidentOpened>()], Revised = [.. chunk.OfType<IncidentRevised>()] },
                now, chunk[0] is IncidentOpened first ? first.TraceParent : ((IncidentRevised)chunk[0]).TraceParent);
    }

    /// <summary>
    /// Counts the events written as opened and revised incidents, once their transaction has committed: the
    /// dashboards then agree with what subscribers heard, not with how many mentions came in.
    /// </summary>
    public void CountCommitted()
    {
        foreach (var (kind, opened) in written)
        {
            var tags = new TagList { { "kind", kind } };
            if (opened) IngestionTelemetry.IncidentsOpened.Add(1, tags);
            else IngestionTelemetry.IncidentsRevised.Add(1, tags);
        }
    }

    private bool OpenedHere(Guid incidentId) => pending.TryGetValue(incidentId, out var touched) && touched.Published is null;

    private Pending Touch(Guid incidentId, IncidentView? published, DateTimeOffset collectedAt)
    {
        if (pending.TryGetValue(incidentId, out var touched))
        {
            if (collectedAt < touched.CollectedAt) touched.CollectedAt = collectedAt;
            return touched;
        }
        pending[incidentId] = touched = new Pending(published, collectedAt, Activity.Current?.Id);
        order.Add(incidentId);
        return touched;
    }
}
