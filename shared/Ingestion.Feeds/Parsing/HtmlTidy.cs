using System.Text.RegularExpressions;

namespace Ingestion.Feeds;

/// <summary>Light normalisation of feed HTML: one spelling of void tags and of character references.</summary>
internal static partial class HtmlTidy
{
    public static string Normalise(string html)
    {
        if (html.Contains("/>", StringComparison.Ordinal)) html = SelfClosingVoid().Replace(html, "<$1$2 />");
        if (html.Contains("&#", StringComparison.Ordinal)) html = CharRef().Replace(html, FixCharRef);
        return html;
    }

    /// <summary>&amp;#X61; is SGML, not XML; &amp;#146; means windows-1252's ’.</summary>
    private static string FixCharRef(Match m)
    {
        var hex = m.Groups["x"].Success;
        var digits = m.Groups["d"].Value;
        if (!int.TryParse(digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None, null, out var code))
            return m.Value;
        if (code is >= 128 and <= 159) return $"&#x{Windows1252.Map(code):x4};";
        return hex && m.Groups["x"].Value == "X" ? $"&#x{digits};" : m.Value;
    }

    [GeneratedRegex(@"<(br|hr|img|input|meta|link|area|base|col|embed|param|source|track|wbr)\b([^<>]*?)\s*/>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SelfClosingVoid();

    [GeneratedRegex(@"&#(?<x>[xX])?(?<d>[0-9a-fA-F]{1,6});")]
    private static partial Regex CharRef();
}
