using Ingestion.Dedupe;

namespace Ingestion.Dedupe.Tests;

public class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTPS://WWW.Example.COM/news/123/", "https://example.com/news/123")]
    [InlineData("http://m.example.com/news/123", "https://example.com/news/123")]
    [InlineData("https://amp.example.com/news/123", "https://example.com/news/123")]
    [InlineData("https://example.com/news/123/amp", "https://example.com/news/123")]
    [InlineData("https://example.com/amp/news/123", "https://example.com/news/123")]
    [InlineData("https://example.com/news/123?amp", "https://example.com/news/123")]
    [InlineData("https://example.com/news/123?outputType=amp", "https://example.com/news/123")]
    [InlineData("https://example.com:443/news/123", "https://example.com/news/123")]
    [InlineData("http://example.com:80/news/123#comments", "https://example.com/news/123")]
    public void Variants_of_one_article_url_share_one_spelling(string url, string canonical)
    {
        Assert.Equal(canonical, UrlCanonicalizer.Canonicalize(url));
    }

    [Fact]
    public void Tracking_parameters_are_dropped_and_the_rest_sorted()
    {
        Assert.Equal("https://example.com/article?id=7&page=2",
            UrlCanonicalizer.Canonicalize("https://example.com/article?utm_source=tw&page=2&fbclid=XyZ&id=7&gclid=1&mc_cid=a&UTM_Medium=x"));
    }

    [Fact]
    public void Content_parameters_and_non_default_ports_are_kept()
    {
        Assert.Equal("https://example.com:8443/a?p=2", UrlCanonicalizer.Canonicalize("https://example.com:8443/a?p=2"));
        Assert.NotEqual(UrlCanonicalizer.Canonicalize("https://example.com/a?p=1"), UrlCanonicalizer.Canonicalize("https://example.com/a?p=2"));
    }

    [Fact]
    public void Arabic_slugs_raw_or_percent_encoded_are_one_url()
    {
        var raw = UrlCanonicalizer.Canonicalize("https://www.example.com/أخبار/هجوم-على-قاعدة?q=عين الأسد");
        var encoded = UrlCanonicalizer.Canonicalize("https://example.com/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1/%D9%87%D8%AC%D9%88%D9%85-%D8%B9%D9%84%D9%89-%D9%82%D8%A7%D8%B9%D8%AF%D8%A9?q=%D8%B9%D9%8A%D9%86+%D8%A7%D9%84%D8%A3%D8%B3%D8%AF");
        Assert.Equal(raw, encoded);
    }

    [Fact]
    public void Host_that_is_only_a_prefix_is_kept()
    {
        Assert.Equal("https://m.com/a", UrlCanonicalizer.Canonicalize("https://m.com/a"));
    }

    [Theory]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.com/file")]
    [InlineData("not a url")]
    public void Non_http_input_is_rejected(string url)
    {
        Assert.Throws<ArgumentException>(() => UrlCanonicalizer.Canonicalize(url));
        Assert.False(UrlCanonicalizer.TryCanonicalize(url, out _));
    }
}
