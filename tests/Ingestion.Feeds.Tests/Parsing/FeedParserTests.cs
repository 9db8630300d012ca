using Ingestion.Feeds.Tests.Support;

namespace Ingestion.Feeds.Tests.Parsing;

public sealed class FeedParserTests
{
    [Fact]
    public void Reads_rss2_item_fields_with_namespaced_extensions()
    {
        var feed = Fixture.Parse("wellformed/arabic-rss2.xml", "application/rss+xml");

        Assert.Equal("rss", feed.Format);
        Assert.False(feed.Malformed, feed.Error);
        Assert.Equal("الشرق - العراق", feed.Title);
        Assert.Equal("https://www.asharq.example/ar/iraq/", feed.Link);
        Assert.Equal(2, feed.Items.Count);
        var first = feed.Items[0];
        Assert.Equal("العراق.. تضارب بشأن استئناف الفصائل المسلحة هجماتها", first.Title);
        Assert.Equal("asharq-98765", first.Id);
        Assert.Equal("الشرق", first.Author);
        Assert.Contains("ستستأنف عملياتها", first.Content);
        Assert.Contains("https://cdn.asharq.example/kalsu.jpg", first.MediaUrls);
        Assert.Equal(["العراق"], first.Categories);
    }

    [Fact]
    public void Resolves_relative_links_against_xml_base()
    {
        var item = Fixture.Parse("wellformed/arabic-rss2.xml").Items[0];

        Assert.Equal("https://www.asharq.example/ar/news/2024/04/22/iraq-factions", item.Link);
        Assert.Contains("src=\"https://www.asharq.example/img/kalsu.jpg\"", item.Summary);
        Assert.Contains("href=\"https://www.asharq.example/ar/iraq/\"", item.Content);
    }

    [Fact]
    public void Resolves_relative_links_against_the_feed_url_when_there_is_no_xml_base()
    {
        var xml = "<rss version=\"2.0\"><channel><link>/ar/</link><item><link>news/7</link></item></channel></rss>"u8;

        var feed = FeedParser.Parse(xml, null, new Uri("https://site.example/feeds/rss.xml"));

        Assert.Equal("https://site.example/ar/", feed.Link);
        Assert.Equal("https://site.example/feeds/news/7", feed.Items[0].Link);
    }

    [Fact]
    public void Normalises_rfc822_dates_to_utc_and_keeps_the_original_text()
    {
        var items = Fixture.Parse("wellformed/arabic-rss2.xml").Items;

        Assert.Equal(new DateTimeOffset(2024, 4, 22, 15, 5, 0, TimeSpan.Zero), items[0].Published);
        Assert.Equal(TimeSpan.Zero, items[0].Published!.Value.Offset);
        Assert.Equal("Mon, 22 Apr 2024 18:05:00 +0300", items[0].PublishedRaw);
        Assert.Equal(new DateTimeOffset(2024, 4, 22, 18, 10, 0, TimeSpan.Zero), items[1].Published); // from dc:date
    }

    [Fact]
    public void Reads_ttl_and_syndication_update_period()
    {
        var feed = Fixture.Parse("wellformed/arabic-rss2.xml");

        Assert.Equal(15, feed.TtlMinutes);
        Assert.Equal(15, feed.UpdatePeriodMinutes); // hourly / 4
    }

    [Fact]
    public void Reads_atom_entries_with_xhtml_content_and_alternate_links()
    {
        var feed = Fixture.Parse("wellformed/arabic-atom.xml", "application/atom+xml");

        Assert.Equal("atom", feed.Format);
        Assert.Equal("https://khabar.example/", feed.Link);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("https://khabar.example/news/2024/01/24/strikes", entry.Link);
        Assert.Equal("tag:khabar.example,2024:strikes", entry.Id);
        Assert.Equal(new DateTimeOffset(2024, 1, 24, 12, 23, 14, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2024, 1, 24, 13, 0, 0, TimeSpan.Zero), entry.Updated);
        Assert.Equal("وكالة خبر (desk@khabar.example)", entry.Author);
        Assert.Equal("<p>شنت الولايات المتحدة <a href=\"https://khabar.example/iraq\">غارات</a>.</p>", entry.Content);
        Assert.Contains("&quot;موالية لإيران&quot;", entry.Title);
    }

    [Fact]
    public void Reads_rss1_rdf_items_beside_the_channel()
    {
        var feed = Fixture.Parse("wellformed/rdf.xml");

        Assert.Equal("rdf", feed.Format);
        var item = Assert.Single(feed.Items);
        Assert.Equal("https://rdf.example/a", item.Id);
        Assert.Equal("مراسل", item.Author);
        Assert.Equal(new DateTimeOffset(2023, 12, 4, 5, 0, 0, TimeSpan.Zero), item.Published);
    }
}
