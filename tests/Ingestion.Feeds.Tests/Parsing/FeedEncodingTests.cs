using Ingestion.Feeds.Tests.Support;

namespace Ingestion.Feeds.Tests.Parsing;

public sealed class FeedEncodingTests
{
    private const string ExpectedTitle = "قصف صاروخي على قاعدة عين الأسد";

    [Theory]
    [InlineData("wellformed/windows-1256.xml", "windows-1256")]
    [InlineData("wellformed/iso-8859-6.xml", "iso-8859-6")]
    public void Decodes_arabic_code_pages_from_the_xml_declaration(string file, string encoding)
    {
        var feed = Fixture.Parse(file);

        Assert.Equal(encoding, feed.Encoding);
        Assert.False(feed.Malformed, feed.Error);
        Assert.Equal(ExpectedTitle, feed.Items[0].Title);
    }

    [Fact]
    public void Http_charset_overrides_the_xml_declaration()
    {
        var feed = Fixture.Parse("wellformed/windows-1256.xml", "application/rss+xml; charset=windows-1256");

        Assert.Equal("windows-1256", feed.Encoding);
        Assert.Equal(ExpectedTitle, feed.Items[0].Title);
    }

    [Fact]
    public void Reads_utf8_bytes_mislabelled_as_windows_1256_as_utf8_and_flags_it()
    {
        var feed = Fixture.Parse("hostile/utf8-labelled-windows-1256.xml");

        Assert.Equal("utf-8", feed.Encoding);
        Assert.Equal(ExpectedTitle, feed.Items[0].Title);
        Assert.True(feed.Malformed);
        Assert.Contains("UTF-8", feed.Error);
    }

    [Fact]
    public void Reads_windows_1256_bytes_mislabelled_as_utf8_as_windows_1256()
    {
        var feed = Fixture.Parse("hostile/windows-1256-labelled-utf8.xml");

        Assert.Equal("windows-1256", feed.Encoding);
        Assert.Equal(ExpectedTitle, feed.Items[0].Title);
        Assert.True(feed.Malformed);
    }

    [Fact]
    public void Replaces_invalid_utf8_bytes_and_flags_the_feed()
    {
        var feed = Fixture.Parse("hostile/invalid-utf8.xml");

        Assert.True(feed.Malformed);
        Assert.Contains("\uFFFD", feed.Title);
        Assert.Equal("http://example.com/a", Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void Detects_utf16_from_the_byte_order_mark()
    {
        var text = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss><channel><title>" + ExpectedTitle + "</title></channel></rss>";
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(System.Text.Encoding.Unicode.GetBytes(text)).ToArray();

        var feed = FeedParser.Parse(bytes);

        Assert.Equal("utf-16le", feed.Encoding);
        Assert.Equal(ExpectedTitle, feed.Title);
    }
}
