using System.Text;

namespace Ingestion.Feeds;

/// <summary>Reads encoding="..." from an XML declaration without decoding the whole document.</summary>
internal static class XmlDeclaration
{
    public static string? ReadEncoding(ReadOnlySpan<byte> body, string? wideEncoding)
    {
        var head = body[..Math.Min(body.Length, 512)];
        string prolog;
        if (wideEncoding is not null && wideEncoding != "utf-8")
        {
            var enc = FeedDecoder.TryGetEncoding(wideEncoding);
            if (enc is null) return null;
            prolog = enc.GetString(head);
        }
        else
        {
            // Only the declaration itself is decoded: every document passes here, and decoding the whole
            // 512-byte head was a kilobyte of garbage per feed.
            var declarationEnd = head.IndexOf("?>"u8);
            if (declarationEnd < 0) return null;
            prolog = Encoding.Latin1.GetString(head[..(declarationEnd + 2)]);
        }
        prolog = prolog.TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        if (!prolog.StartsWith("<?xml", StringComparison.Ordinal)) return null;
        var end = prolog.IndexOf("?>", StringComparison.Ordinal);
        if (end < 0) return null;
        var decl = prolog.AsSpan(0, end);
        var at = decl.IndexOf("encoding");
        if (at < 0) return null;
        var rest = decl[(at + 8)..].TrimStart();
        if (rest.Length == 0 || rest[0] != '=') return null;
        rest = rest[1..].TrimStart();
        if (rest.Length == 0 || (rest[0] != '"' && rest[0] != '\'')) return null;
        var quote = rest[0];
        var close = rest[1..].IndexOf(quote);
        if (close <= 0) return null;
        return rest.Slice(1, close).ToString();
    }
}
