using Ingestion.Resolution;

namespace Ingestion.Store.Data;

/// <summary>
/// What one batch of mentions knows of the mention table. The batch is written once, at its end, so until then the
/// database sees none of its changes: every mention the batch has read or added is kept here with the incident id
/// the batch gave it, indexed by incident. An incident the batch changed was read whole, so all its current members
/// are here. Rows are read untracked (most are only looked at) and attached when the batch moves them.
/// </summary>
internal sealed class BatchView(StoreDbContext db)
{
    private readonly Dictionary<Guid, MentionRecord> byId = [];
    private readonly Dictionary<Guid, HashSet<MentionRecord>> byIncident = [];
    private readonly HashSet<MentionRecord> tracked = [];
    private readonly List<(MentionRecord Record, IncidentMention Mention)> unwritten = [];
    private readonly Dictionary<Guid, IncidentMention> models = [];

    /// <summary>
    /// A row as read from the database (or a copy of one a batch before read, with its model), or the batch's own
    /// version of it if the batch has seen it.
    /// </summary>
    public MentionRecord Know(MentionRecord row, IncidentMention? model = null)
    {
        if (byId.TryGetValue(row.MentionId, out var seen)) return seen;
        byId.Add(row.MentionId, row);
        if (model is not null) models.Add(row.MentionId, model);
        Members(row.IncidentId).Add(row);
        return row;
    }

    /// <summary>A new mention, written with the batch; it joins its incident through <see cref="Move"/>.</summary>
    public void Add(MentionRecord record)
    {
        db.Mentions.Add(record);
        tracked.Add(record);
        byId.Add(record.MentionId, record);
        unwritten.Add((record, ModelOf(record)));
    }

    /// <summary>
    /// The resolver's model of a row, made once per batch: a dense neighbourhood is read again for every mention that
    /// falls in it, and a mention's content never changes once recorded (only its IncidentId, which the model lacks).
    /// </summary>
    public IncidentMention ModelOf(MentionRecord row)
    {
        if (!models.TryGetValue(row.MentionId, out var model)) models.Add(row.MentionId, model = MentionMapping.ToMention(row));
        return model;
    }

    public void Move(MentionRecord mention, Guid incidentId)
    {
        if (mention.IncidentId == incidentId && byIncident.TryGetValue(incidentId, out var members) && members.Contains(mention)) return;
        if (tracked.Add(mention)) db.Mentions.Attach(mention);
        if (byIncident.TryGetValue(mention.IncidentId, out var old)) old.Remove(mention);
        mention.IncidentId = incidentId;
        Members(incidentId).Add(mention);
    }

    /// <summary>Incidents of the mentions this batch added inside the window (the database does not have them yet).</summary>
    public IEnumerable<Guid> IncidentsAddedIn(CandidateWindow window) =>
        unwritten.Where(u => window.Contains(u.Mention)).Select(u => u.Record.IncidentId);

    /// <summary>Every row the batch read or added, with its model: what the next batch is given (see <see cref="MentionRows"/>).</summary>
    public IEnumerable<(MentionRecord Row, IncidentMention Model)> Rows() => byId.Values.Select(row => (row, ModelOf(row)));

    public IReadOnlyCollection<MentionRecord> MembersOf(Guid incidentId) => byIncident.TryGetValue(incidentId, out var members) ? members : [];

    private HashSet<MentionRecord> Members(Guid incidentId)
    {
        if (!byIncident.TryGetValue(incidentId, out var members)) byIncident[incidentId] = members = [];
        return members;
    }
}
