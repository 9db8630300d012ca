using Ingestion.Contracts;
using Ingestion.Feeds;

namespace Ingestion.FeedWorker.Articles;

/// <summary>The text an article is read from, and where it came from.</summary>
public sealed record ArticleText(string Text, string? CanonicalUrl, DateTimeOffset? PublishedAt, string Origin, string? FetchError);

/// <summary>Fetches the article page and pulls out its main text; falls back to the feed's own content when the page fails.</summary>
public sealed class ArticleTextReader(SafeFetcher fetcher)
{
    public async Task<ArticleText?> ReadAsync(ArticleCollected article, CancellationToken ct)
    {
        string? fetchError = null;
        if (Uri.TryCreate(article.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            var page = await fetcher.FetchAsync(url, null, ct);
            if (page.IsSuccess && page.Body.Length > 0)
            {
                var body = PageDecoder.Decode(page.Body, page.ContentType);
                if (IsPlainText(page.ContentType)) return new ArticleText(body.Trim(), null, null, "page", null);
                var read = ArticlePageReader.Read(body, page.FinalUrl);
                if (read.MainText.Length > 0) return new ArticleText(read.MainText, read.CanonicalUrl, read.PublishedAt, "page", null);
                fetchError = "page has no main text";
            }
            else fetchError = page.Error ?? $"{page.Outcome} {page.StatusCode}";
        }
        if (string.IsNullOrWhiteSpace(article.FeedContent)) return fetchError is null ? null : new ArticleText("", null, null, "none", fetchError);
        var fromFeed = ArticlePageReader.Read($"<html><body><article>{article.FeedContent}</article></body></html>", url ?? new Uri("about:blank"));
        var text = fromFeed.MainText.Length > 0 ? fromFeed.MainText : article.FeedContent;
        return new ArticleText(text, null, null, "feed", fetchError);
    }

    private static bool IsPlainText(string? contentType) => contentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true;
}
