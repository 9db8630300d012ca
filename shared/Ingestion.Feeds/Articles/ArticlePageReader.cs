using AngleSharp.Html.Parser;

namespace Ingestion.Feeds;

/// <summary>Extracts an article's main text and metadata from its HTML page.</summary>
public static class ArticlePageReader
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public static ArticlePage Read(string html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        using var doc = Parser.ParseDocument(html ?? "");
        // Metadata first: JSON-LD lives in <script> and the headline often in <header>, both stripped below.
        var title = ArticleMetadata.Title(doc);
        var canonical = ArticleMetadata.Canonical(doc, pageUrl);
        var published = ArticleMetadata.Published(doc);

        Boilerplate.Strip(doc);
        var container = ContentScorer.BestContainer(doc) ?? doc.Body;
        var paragraphs = container is null ? [] : ContentScorer.MainParagraphs(container).ToList();
        if (paragraphs.Count == 0 && container is not null)
            paragraphs.Add(ContentScorer.Normalise(container.TextContent));
        var mainText = string.Join("\n\n", paragraphs.Where(p => p.Length > 0 && p != title));
        return new ArticlePage(title, mainText, canonical, published);
    }
}
