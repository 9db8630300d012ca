using System.Text;
using System.Text.RegularExpressions;

namespace Ingestion.Feeds;

/// <summary>
/// Turns an article page's bytes into text: BOM, then the HTTP charset, then a &lt;meta charset&gt; near the
/// top, else UTF-8. Shares the feed decoder's charset names and code pages (windows-1256, ISO-8859-6), which
/// many Arabic sites still serve.
/// </summary>
public static partial class PageDecoder
{
    // Browsers look for the meta charset in the first 1024 bytes; so do we.
    private const int MetaWindow = 1024;

    public static string Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        var (bom, bomLength) = FeedDecoder.SniffBom(body);
        var encoding = Lookup(bom) ?? Lookup(MediaType.Parse(contentType).Charset) ?? Lookup(MetaCharset(body)) ?? Encoding.UTF8;
        return encoding.GetString(body[bomLength..]);
    }

    private static Encoding? Lookup(string? name) => name is null ? null : FeedDecoder.TryGetEncoding(FeedDecoder.Normalise(name));

    private static string? MetaCharset(ReadOnlySpan<byte> body)
    {
        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, MetaWindow)]);
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups["name"].Value : null;
    }

    // <meta charset="windows-1256"> and <meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<name>[A-Za-z0-9_.:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();
}
