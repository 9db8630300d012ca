using System.Text.RegularExpressions;

namespace Ingestion.Feeds;

/// <summary>Makes href/src in feed HTML absolute, so links in a summary still work once it leaves the feed.</summary>
internal static partial class HtmlUrls
{
    public static bool MayHaveRelative(string html) =>
        html.Contains("href", StringComparison.OrdinalIgnoreCase) || html.Contains("src", StringComparison.OrdinalIgnoreCase);

    public static string ResolveRelative(string html, Uri? baseUri)
    {
        if (baseUri is null) return html;
        return UrlAttribute().Replace(html, m =>
        {
            var quote = m.Groups["q"].Value;
            var raw = m.Groups["v"].Value;
            var decoded = System.Net.WebUtility.HtmlDecode(raw);
            if (XmlBase.HasScheme(decoded.Trim()) || decoded.StartsWith('#')) return m.Value;
            var resolved = XmlBase.Resolve(baseUri, decoded);
            if (resolved is null || resolved == decoded) return m.Value;
            return $"{m.Groups["n"].Value}={quote}{resolved.Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)}{quote}";
        });
    }

    [GeneratedRegex(@"(?<n>\b(?:href|src|action|background|cite|longdesc|poster|usemap|codebase|data|profile)\s*)=\s*(?<q>[""'])(?<v>[^""']*)\k<q>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlAttribute();
}
