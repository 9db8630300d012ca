using Ingestion.Extraction;
using Ingestion.Resolution;

namespace Ingestion.Cli;

/// <summary>One article file read by the extractor, with the ids its mentions carry into the resolver.</summary>
public sealed record ArticleExtraction(string File, DateOnly Published, string Source, IReadOnlyList<ExtractedIncident> Incidents, IReadOnlyList<Guid> MentionIds)
{
    public static ArticleExtraction Read(IncidentExtractor extractor, string path, ManifestArticle entry)
    {
        var incidents = extractor.Extract(System.IO.File.ReadAllText(path), entry.Published);
        return new ArticleExtraction(entry.File, entry.Published, entry.Outlet ?? entry.File, incidents, incidents.Select(_ => Guid.NewGuid()).ToList());
    }

    public IEnumerable<IncidentMention> Mentions(Guid articleId) =>
        Incidents.Select((x, i) => x.ToMention(MentionIds[i], articleId, Source, Published));
}

/// <summary>Resolves every mention of a batch into incidents: mention id → incident (event) id.</summary>
public static class EventIds
{
    public static Dictionary<Guid, string> Resolve(IncidentResolver resolver, IEnumerable<ArticleExtraction> articles)
    {
        var mentions = articles.SelectMany(a => a.Mentions(Guid.NewGuid()));
        var ids = new Dictionary<Guid, string>();
        foreach (var cluster in resolver.Cluster(mentions))
            foreach (var m in cluster.Mentions) ids[m.MentionId] = cluster.Key.ToString("N")[..12];
        return ids;
    }
}
