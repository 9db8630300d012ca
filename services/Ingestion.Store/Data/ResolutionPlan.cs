using Ingestion.Resolution;

namespace Ingestion.Store.Data;

/// <summary>Which stored incidents a new mention belongs to: none (open one), one (join it) or several (merge them).</summary>
internal sealed record ResolutionPlan(IReadOnlyList<Guid> Incidents)
{
    public bool OpensIncident => Incidents.Count == 0;

    public static ResolutionPlan For(IncidentResolver resolver, IncidentMention mention, IReadOnlyDictionary<Guid, List<MentionRecord>> related)
    {
        var incidentOf = related.SelectMany(pair => pair.Value.Select(m => (m.MentionId, Incident: pair.Key)))
            .ToDictionary(x => x.MentionId, x => x.Incident);
        var candidates = related.Values.SelectMany(list => list).Select(MentionMapping.ToMention).Append(mention);
        var cluster = resolver.Cluster(candidates).Single(c => c.Mentions.Any(m => m.MentionId == mention.MentionId));
        var incidents = cluster.Mentions
            .Where(m => m.MentionId != mention.MentionId)
            .Select(m => incidentOf[m.MentionId])
            .Distinct()
            .ToList();
        return new ResolutionPlan(incidents);
    }
}
