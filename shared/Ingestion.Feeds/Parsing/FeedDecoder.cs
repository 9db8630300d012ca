using System.Text;

namespace Ingestion.Feeds;

/// <summary>The decoded text of a feed and how its encoding was decided.</summary>
internal readonly record struct DecodedFeed(string Text, string EncodingName, bool Suspicious, string? Problem);

/// <summary>
/// Decides a feed's character encoding the way RFC 3023 and real feed readers do:
/// BOM, then the HTTP charset, then the XML declaration, then sniffing; and repairs the common
/// Arabic-site mistakes (UTF-8 served as windows-1256/ISO-8859-6 and the reverse).
/// </summary>
internal static class FeedDecoder
{
    /// <summary>Shared: encodings are immutable, and one was being built for every document.</summary>
    private static readonly UTF8Encoding Utf8 = new(false, false);

    static FeedDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedFeed Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        var media = MediaType.Parse(contentType);
        var (bomEncoding, bomLength) = SniffBom(body);
        var declared = XmlDeclaration.ReadEncoding(body, bomEncoding);
        var problem = media.IsXml || contentType is null ? null : $"served as {media.Type}, not an XML media type";

        string? chosen;
        if (bomEncoding is not null && (bomLength > 0 || bomEncoding != "utf-8"))
            chosen = bomEncoding; // a BOM or a wide "<?" pattern beats every label: neither happens by accident
        else if (media.Charset is not null && media.IsXml)
            chosen = media.Charset;
        else if (media.IsTextXml)
            chosen = "us-ascii"; // RFC 3023: text/xml without charset is us-ascii, whatever the declaration says
        else
            chosen = declared ?? bomEncoding ?? media.Charset ?? "utf-8";

        chosen = Normalise(chosen);
        var encoding = TryGetEncoding(chosen);
        if (encoding is null)
        {
            problem ??= $"unknown encoding '{chosen}'";
            chosen = "utf-8";
            encoding = TryGetEncoding(chosen)!;
        }

        var payload = body[bomLength..];
        // Arabic sites often label UTF-8 bytes as windows-1256/ISO-8859-6/latin-1 (or us-ascii by RFC 3023 default).
        if (chosen is not "utf-8" && !IsUnicodeFamily(chosen) && HasHighBytes(payload) && Utf8Text.IsValid(payload))
        {
            if (chosen is not "us-ascii") problem ??= $"labelled {chosen} but the bytes are UTF-8";
            chosen = "utf-8";
            encoding = Utf8;
        }
        else if (chosen is "us-ascii" && HasHighBytes(payload))
        {
            chosen = declared is not null && TryGetEncoding(Normalise(declared)) is not null ? Normalise(declared) : "windows-1252";
            encoding = TryGetEncoding(chosen)!;
        }
        else if (chosen is "utf-8" && !Utf8Text.IsValid(payload))
        {
            // Declared (or defaulted to) UTF-8 but the bytes are not: legacy Arabic code page, else keep U+FFFD and flag it.
            if (bomLength == 0 && Utf8Text.LooksLikeWindows1256(payload))
            {
                chosen = "windows-1256";
                encoding = TryGetEncoding(chosen)!;
                problem ??= "labelled utf-8 but the bytes are windows-1256";
            }
            else if (declared is null && media.Charset is null && bomLength == 0)
            {
                // Nothing declared and not UTF-8: windows-1252 at least keeps every byte readable.
                chosen = "windows-1252";
                encoding = TryGetEncoding(chosen)!;
                problem ??= "no encoding declared and the bytes are not UTF-8; decoded as windows-1252";
            }
            else
            {
                problem ??= "invalid UTF-8 byte sequences replaced with U+FFFD";
            }
        }

        var text = encoding.GetString(payload);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.AsSpan().ContainsAnyInRange('\u0080', '\u009F')) text = Demoronise(text);
        return new DecodedFeed(text, chosen, problem is not null, problem);
    }

    /// <summary>
    /// C1 controls (U+0080..U+009F) never occur in real text: they are windows-1252/1256 punctuation
    /// (’ “ ” – …) that went through a latin-1 step. Map them back.
    /// </summary>
    private static string Demoronise(string text) =>
        string.Create(text.Length, text, static (dst, src) =>
        {
            for (var i = 0; i < src.Length; i++)
                dst[i] = src[i] is >= '\u0080' and <= '\u009F' ? (char)Windows1252.Map(src[i]) : src[i];
        });

    private static bool IsUnicodeFamily(string name) => name.StartsWith("utf-", StringComparison.Ordinal);

    private static bool HasHighBytes(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    internal static string Normalise(string name)
    {
        var n = name.Trim().Trim('"', '\'').ToLowerInvariant();
        return n switch
        {
            "utf8" => "utf-8",
            "gb2312" or "gbk" or "x-gbk" => "gb18030", // supersets: decoding with the bigger table never loses text
            "iso-8859-6-i" or "iso-8859-6-e" or "arabic" or "asmo-708" => "iso-8859-6",
            "cp1256" or "x-cp1256" => "windows-1256",
            "latin1" or "latin-1" or "iso8859-1" => "iso-8859-1",
            "ascii" => "us-ascii",
            _ => n,
        };
    }

    internal static Encoding? TryGetEncoding(string name)
    {
        try
        {
            return name switch
            {
                "utf-8" => Utf8,
                "utf-16be" => new UnicodeEncoding(true, false),
                "utf-16le" or "utf-16" => new UnicodeEncoding(false, false),
                "utf-32be" => new UTF32Encoding(true, false),
                "utf-32le" or "utf-32" => new UTF32Encoding(false, false),
                _ => Encoding.GetEncoding(name),
            };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>BOM, or the byte pattern of "&lt;?" in a wide encoding (XML spec appendix F).</summary>
    internal static (string? Encoding, int BomLength) SniffBom(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return ("utf-8", 3);
        if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) return ("utf-32be", 4);
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) return ("utf-32le", 4);
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) return ("utf-16be", 2);
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) return ("utf-16le", 2);
        if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0x3C) return ("utf-32be", 0);
        if (b.Length >= 4 && b[0] == 0x3C && b[1] == 0 && b[2] == 0 && b[3] == 0) return ("utf-32le", 0);
        if (b.Length >= 4 && b[0] == 0 && b[1] == 0x3C && b[2] == 0 && b[3] == 0x3F) return ("utf-16be", 0);
        if (b.Length >= 4 && b[0] == 0x3C && b[1] == 0 && b[2] == 0x3F && b[3] == 0) return ("utf-16le", 0);
        return (null, 0);
    }
}
