using System.Text;

namespace Ingestion.Dedupe;

/// <summary>
/// One spelling per article URL, so that the same article reached through a feed, a share link, its AMP page or
/// its mobile site is recognised: lowercase scheme and host; http folded into https (outlets serve both);
/// "www.", "m.", "mobile." and "amp." host prefixes, a leading or trailing "/amp" path segment and amp query flags
/// removed; tracking parameters and fragments dropped; remaining parameters sorted; percent-encoding made uniform;
/// default port and trailing slash removed.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly string[] HostPrefixes = ["www.", "m.", "mobile.", "amp."];

    public static string Canonicalize(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"Not an absolute http(s) URL: '{url}'.", nameof(url));

        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        foreach (var prefix in HostPrefixes)
            if (host.StartsWith(prefix, StringComparison.Ordinal) && host.IndexOf('.', prefix.Length) > 0)
            {
                host = host[prefix.Length..];
                break;
            }

        var sb = new StringBuilder("https://").Append(host);
        if (!uri.IsDefaultPort && uri.Port != 443) sb.Append(':').Append(uri.Port);
        sb.Append(CanonicalPath(uri.AbsolutePath));
        var query = QueryParameters.Canonical(uri.Query);
        if (query.Length > 0) sb.Append('?').Append(query);
        return sb.ToString();
    }

    /// <summary>Like <see cref="Canonicalize"/>, but false instead of an exception for input that is not an http(s) URL.</summary>
    public static bool TryCanonicalize(string? url, out string canonical)
    {
        canonical = "";
        if (string.IsNullOrWhiteSpace(url)) return false;
        try { canonical = Canonicalize(url); return true; }
        catch (ArgumentException) { return false; }
    }

    private static string CanonicalPath(string rawPath)
    {
        var segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Uri.EscapeDataString(Uri.UnescapeDataString(s)))
            .ToList();
        if (segments.Count > 0 && IsAmp(segments[^1])) segments.RemoveAt(segments.Count - 1);
        if (segments.Count > 0 && IsAmp(segments[0])) segments.RemoveAt(0);
        return segments.Count == 0 ? "" : "/" + string.Join('/', segments);
    }

    private static bool IsAmp(string segment) => segment.Equals("amp", StringComparison.OrdinalIgnoreCase);
}
