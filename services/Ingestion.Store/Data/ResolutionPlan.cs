using Ingestion.Resolution;

namespace Ingestion.Store.Data;

/// <summary>One incident after resolution: its id (kept from the oldest incident it continues, or new) and its mentions.</summary>
internal sealed record PlannedIncident(Guid IncidentId, bool IsNew, IReadOnlyList<MentionRecord> Members);

/// <summary>
/// How a new mention re-shapes the incidents around it. The resolver's batch clustering over the new mention
/// and every stored mention of the incidents it could touch is taken as the truth, so the Store ends where
/// `ingest extract` would, whatever order the mentions arrived in: a bridge merges incidents, and a mention
/// that fits an incident better moves to it.
/// </summary>
internal sealed record ResolutionPlan(IReadOnlyList<PlannedIncident> Incidents, IReadOnlyDictionary<Guid, Guid> Absorbed)
{
    /// <summary>
    /// The common case without clustering, which costs the square of the neighbourhood where this costs one pass.
    /// When the new mention matches mentions of one incident at most and conflicts with none of its members,
    /// clustering the neighbourhood gives back its incidents (as long as they are what clustering made of it, as the
    /// Store keeps them) with the mention added to that one (or alone): every merge the stored incidents were built
    /// from still meets no conflict, every merge refused still meets its conflict, and the new mention's own merges
    /// stay inside one conflict-free incident. Null otherwise: the mention bridges incidents or splits one, and only
    /// clustering can say how.
    /// </summary>
    /// <param name="related">Stored mentions, each with its current IncidentId (not modified here).</param>
    /// <param name="modelOf">The resolver's model of a row (the Store maps each row once per batch).</param>
    internal static ResolutionPlan? Joining(IncidentResolver resolver, MentionRecord added, IReadOnlyList<MentionRecord> related, Func<MentionRecord, IncidentMention> modelOf)
    {
        var mention = modelOf(added);
        var neighbours = related.Select(r => (Record: r, Mention: modelOf(r))).ToList();
        Guid? joined = null;
        foreach (var (record, other) in neighbours)
        {
            if (!resolver.SameIncident(mention, other)) continue;
            if (joined is { } id && id != record.IncidentId) return null;
            joined = record.IncidentId;
        }
        if (joined is not { } incidentId) return new ResolutionPlan([new PlannedIncident(Guid.NewGuid(), true, [added])], new Dictionary<Guid, Guid>());

        var members = neighbours.Where(n => n.Record.IncidentId == incidentId).ToList();
        if (members.Any(n => resolver.Conflicts(mention, n.Mention))) return null;
        return new ResolutionPlan([new PlannedIncident(incidentId, false, [.. members.Select(n => n.Record), added])], new Dictionary<Guid, Guid>());
    }

    /// <summary>The resolver's clustering of the whole neighbourhood, which may merge, split and move.</summary>
    /// <param name="clustering">The resolver's clustering, which remembers the pairs it compared for the batch's earlier mentions.</param>
    /// <param name="createdAt">When each stored incident was opened: the oldest keeps its id.</param>
    internal static ResolutionPlan ByClustering(ClusteringSession clustering, MentionRecord added, IReadOnlyList<MentionRecord> related,
        Func<MentionRecord, IncidentMention> modelOf, Func<Guid, DateTimeOffset> createdAt)
    {
        var byId = related.Append(added).ToDictionary(m => m.MentionId);
        var clusters = clustering.Cluster(byId.Values.Select(modelOf))
            .Select(c => c.Mentions.Select(m => byId[m.MentionId]).ToList())
            .OrderBy(members => Stored(members, added).Select(m => createdAt(m.IncidentId)).DefaultIfEmpty(DateTimeOffset.MaxValue).Min())
            .ToList();

        var claimed = new HashSet<Guid>();
        var planned = new List<PlannedIncident>();
        foreach (var members in clusters)
        {
            var continued = Stored(members, added).Select(m => m.IncidentId).Distinct()
                .OrderBy(createdAt).ThenBy(id => id).FirstOrDefault(id => !claimed.Contains(id));
            var isNew = continued == Guid.Empty;
            var id = isNew ? Guid.NewGuid() : continued;
            claimed.Add(id);
            planned.Add(new PlannedIncident(id, isNew, members));
        }
        // An incident no cluster continues was folded into the one that took most of its mentions.
        var absorbed = related.Select(m => m.IncidentId).Distinct().Where(id => !claimed.Contains(id))
            .ToDictionary(id => id, id => planned.MaxBy(p => p.Members.Count(m => m.IncidentId == id))!.IncidentId);
        return new ResolutionPlan(planned, absorbed);
    }

    public PlannedIncident IncidentOf(MentionRecord mention) => Incidents.Single(p => p.Members.Contains(mention));

    private static IEnumerable<MentionRecord> Stored(IEnumerable<MentionRecord> members, MentionRecord added) => members.Where(m => m != added);
}
