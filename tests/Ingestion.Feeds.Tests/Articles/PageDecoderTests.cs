using System.Text;
using Ingestion.Feeds;

namespace Ingestion.Feeds.Tests.Articles;

public sealed class PageDecoderTests
{
    private const string Arabic = "سقط صاروخان قرب قاعدة عين الأسد";

    private static byte[] Windows1256(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("windows-1256").GetBytes(text);
    }

    [Fact]
    public void Http_charset_windows_1256_decodes_arabic() =>
        Assert.Contains(Arabic, PageDecoder.Decode(Windows1256($"<p>{Arabic}</p>"), "text/html; charset=windows-1256"));

    [Fact]
    public void Meta_charset_decodes_a_page_served_without_one() =>
        Assert.Contains(Arabic, PageDecoder.Decode(Windows1256($"<html><head><meta charset=\"windows-1256\"></head><p>{Arabic}</p>"), "text/html"));

    [Fact]
    public void Http_equiv_content_type_names_the_charset_too() =>
        Assert.Contains(Arabic, PageDecoder.Decode(Windows1256($"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=cp1256\"><p>{Arabic}</p>"), null));

    [Fact]
    public void A_bom_wins_over_a_wrong_http_charset()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Arabic)).ToArray();
        Assert.Equal(Arabic, PageDecoder.Decode(bytes, "text/html; charset=iso-8859-1"));
    }

    [Fact]
    public void Undeclared_or_unknown_charset_falls_back_to_utf8() =>
        Assert.Equal(Arabic, PageDecoder.Decode(Encoding.UTF8.GetBytes(Arabic), "text/html; charset=no-such-charset"));
}
