namespace Ingestion.Feeds.Tests.Articles;

public sealed class ArticlePageReaderTests
{
    public static TheoryData<string> Seeds() => new(SeedArticlePages.All().Select(p => p.Name));

    private static SeedArticlePage Page(string name) => SeedArticlePages.All().Single(p => p.Name == name);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Main_text_holds_every_article_paragraph(string seed)
    {
        var page = Page(seed);

        var article = ArticlePageReader.Read(page.Html, new Uri("https://news.example/ar/" + page.Slug + "?ref=rss"));

        Assert.NotEmpty(page.Paragraphs);
        foreach (var paragraph in page.Paragraphs) Assert.Contains(paragraph, article.MainText);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Main_text_drops_menus_ads_tags_related_stories_comment_form_captions_and_footer(string seed)
    {
        var page = Page(seed);

        var article = ArticlePageReader.Read(page.Html, new Uri("https://news.example/ar/" + page.Slug));

        foreach (var marker in SeedArticlePages.BoilerplateMarkers) Assert.DoesNotContain(marker, article.MainText);
        Assert.DoesNotContain("اقرأ أيضاً", article.MainText);
        Assert.DoesNotContain("تفاصيل جديدة عن الهجوم", article.MainText);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Keeps_title_canonical_url_and_publication_time(string seed)
    {
        var page = Page(seed);

        var article = ArticlePageReader.Read(page.Html, new Uri("https://news.example/ar/" + page.Slug + "?ref=rss"));

        Assert.Equal(page.Title, article.Title);
        Assert.Equal("https://news.example/ar/" + page.Slug, article.CanonicalUrl);
        Assert.Equal(new DateTimeOffset(2024, 1, 24, 6, 15, 0, TimeSpan.Zero), article.PublishedAt);
    }

    [Fact]
    public void Falls_back_to_og_url_and_json_ld_date_published()
    {
        const string html = """
            <html><head><meta property="og:url" content="/ar/news/5">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-12-09T10:00:00Z"}</script></head>
            <body><article><p>ذكر مصدر أمني في كردستان العراق أن الدفاعات الجوية اعترضت طائرة مسيرة، قرب مطار أربيل الدولي، مساء الجمعة.</p></article></body></html>
            """;

        var article = ArticlePageReader.Read(html, new Uri("https://site.example/x"));

        Assert.Equal("https://site.example/ar/news/5", article.CanonicalUrl);
        Assert.Equal(new DateTimeOffset(2023, 12, 9, 10, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.StartsWith("ذكر مصدر أمني", article.MainText);
    }

    [Fact]
    public void Returns_empty_text_for_an_empty_page_without_throwing()
    {
        var article = ArticlePageReader.Read("", new Uri("https://site.example/"));

        Assert.Equal("", article.MainText);
        Assert.Null(article.CanonicalUrl);
    }
}
