using Ingestion.Feeds.Tests.Support;

namespace Ingestion.Feeds.Tests.Parsing;

/// <summary>Hostile and broken documents end in a ParsedFeed with an error, never an exception.</summary>
public sealed class HostileFeedTests
{
    [Fact]
    public void Refuses_external_entities_without_reading_the_file()
    {
        var feed = Fixture.Parse("hostile/xxe.xml");

        Assert.True(feed.Malformed);
        Assert.Contains("XXE", feed.Error);
        Assert.DoesNotContain("root:", feed.Title ?? "");
        Assert.Equal("XXE &xxe;", feed.Title); // the reference stays visible text, never expanded
    }

    [Fact]
    public void Refuses_billion_laughs_without_expanding_it()
    {
        var feed = Fixture.Parse("hostile/billion-laughs.xml");

        Assert.True(feed.Malformed);
        Assert.Contains("entity-expansion", feed.Error);
        Assert.True((feed.Title ?? "").Length < 100);
        Assert.Equal("laughs", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Substitutes_plain_internal_entities_which_cannot_expand()
    {
        var xml = "<!DOCTYPE rss [<!ENTITY site \"وكالة خبر\">]><rss><channel><title>&site;</title></channel></rss>";

        var feed = FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml));

        Assert.Equal("وكالة خبر", feed.Title);
        Assert.False(feed.Malformed, feed.Error);
    }

    [Fact]
    public void Recovers_items_before_the_break_in_a_truncated_document()
    {
        var feed = Fixture.Parse("hostile/truncated.xml");

        Assert.True(feed.Malformed);
        Assert.NotNull(feed.Error);
        Assert.Equal("أخبار العراق", feed.Title);
        Assert.Equal("https://news.example/1", feed.Items[0].Link);
        Assert.Equal("https://news.example/2", feed.Items[1].Link);
    }

    [Fact]
    public void Decodes_undeclared_html_entities_and_bare_ampersands_and_flags_them()
    {
        var feed = Fixture.Parse("hostile/html-entities.xml");

        Assert.True(feed.Malformed);
        Assert.Equal("أخبار\u00A0اليوم", feed.Title);
        Assert.Equal("https://news.example/?a=1&b=2", feed.Link);
        var item = Assert.Single(feed.Items);
        Assert.Equal("عاجل… انفجار في كركوك — مصادر", item.Title);
        Assert.Equal("https://news.example/item?id=5&lang=ar", item.Link);
    }

    [Fact]
    public void Reports_an_html_page_served_as_a_feed()
    {
        var feed = Fixture.Parse("hostile/html-page.html", "text/html; charset=utf-8");

        Assert.Empty(feed.Items);
        Assert.Equal("unknown", feed.Format);
        Assert.True(feed.Malformed);
        Assert.NotNull(feed.Error);
    }

    [Theory]
    [InlineData("hostile/empty.xml")]
    [InlineData("hostile/whitespace-only.xml")]
    [InlineData("hostile/not-xml-binary.bin")]
    public void Returns_an_error_for_documents_with_nothing_to_read(string file)
    {
        var feed = Fixture.Parse(file);

        Assert.Empty(feed.Items);
        Assert.True(feed.Malformed);
        Assert.False(string.IsNullOrWhiteSpace(feed.Error));
    }

    [Fact]
    public void Declares_well_known_prefixes_a_feed_forgot_to_declare()
    {
        var xml = "<rss version=\"2.0\"><channel><item><title>t</title><dc:creator>مراسل</dc:creator></item></channel></rss>"u8;

        var feed = FeedParser.Parse(xml);

        Assert.True(feed.Malformed);
        Assert.Equal("مراسل", Assert.Single(feed.Items).Author);
    }
}
