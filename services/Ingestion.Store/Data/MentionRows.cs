using Ingestion.Resolution;

namespace Ingestion.Store.Data;

/// <summary>
/// The rows of the mentions one batch worked on, each with the resolver's model of it, for the next batch. A live
/// stream's batches work on the same recent days, and every batch read all the mentions around them again, evidence
/// and all: the Store's second-largest query, and about a fifth of its CPU reading rows and turning them into
/// objects. With these kept, a batch reads only which incident each mention around it is filed under, and the rows
/// it has not got.
/// </summary>
internal sealed class MentionRows
{
    private Dictionary<Guid, (MentionRecord Row, IncidentMention Model)> kept = [];

    public bool Contains(Guid mentionId) => kept.ContainsKey(mentionId);

    /// <summary>
    /// A copy of a kept row, filed under the incident the database holds it in now. A copy, because a batch moves
    /// its rows between incidents and EF Core tracks those it attaches: a batch that fails must leave nothing behind.
    /// </summary>
    public (MentionRecord Row, IncidentMention Model) CopyOf(Guid mentionId, Guid incidentId)
    {
        var (row, model) = kept[mentionId];
        var copy = row.Copy();
        copy.IncidentId = incidentId;
        return (copy, model);
    }

    /// <summary>
    /// Past this many rows a batch keeps none. A live-like stream's batches of 100 mentions worked on 460–920 rows; a
    /// busy week's on 2,300–3,500, and keeping those raised the Store's peak memory by 8–10 MB where it already
    /// stands at the 300 MB target: a busy week's rows are read again, as they were before rows were kept.
    /// </summary>
    public const int MaxKeptRows = 2_000;

    /// <summary>
    /// Keeps a finished batch's rows and forgets the rest: what is kept is one batch's working set, no more, and none
    /// past <see cref="MaxKeptRows"/>.
    /// </summary>
    public void KeepOnly(IEnumerable<(MentionRecord Row, IncidentMention Model)> rows)
    {
        var batch = rows.ToDictionary(r => r.Row.MentionId);
        kept = batch.Count > MaxKeptRows ? [] : batch;
    }
}
