using Ingestion.Contracts;
using Ingestion.FeedWorker.Articles;
using Ingestion.Load;

/// <summary>A synthetic article's incidents as the FeedWorker reports them.</summary>
internal static class StoreLoad
{
    public static IEnumerable<IncidentReported> Mentions(SyntheticArticle article)
    {
        var url = $"https://synthetic.example/{article.Page.Slug}";
        var collected = new ArticleCollected
        {
            ArticleId = Guid.NewGuid(), FeedUrl = "https://synthetic.example/feed", Url = url, Title = article.Page.Title,
            PublishedAt = article.Page.Published.ToUniversalTime(), CollectedAt = DateTimeOffset.UtcNow,
        };
        return article.Incidents.Select((incident, index) => MentionFactory.Create(collected, "synthetic.example", article.Published, incident, index));
    }
}
