using System.Xml.Linq;

namespace Ingestion.Feeds;

/// <summary>Resolves relative references against xml:base (inherited down the tree) or the feed's URL.</summary>
internal static class XmlBase
{
    public static Uri? BaseOf(XElement? element, Uri? documentUri)
    {
        if (element is null) return documentUri;
        var parentBase = BaseOf(element.Parent, documentUri);
        var attr = element.Attribute(Ns.XmlBase)?.Value;
        if (string.IsNullOrWhiteSpace(attr)) return parentBase;
        return Resolve(parentBase, attr.Trim()) is { } resolved && Uri.TryCreate(resolved, UriKind.Absolute, out var u) ? u : parentBase;
    }

    public static string? Resolve(Uri? baseUri, string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference)) return reference;
        reference = reference.Trim();
        if (HasScheme(reference) || baseUri is null) return reference;
        return Uri.TryCreate(baseUri, reference, out var combined) ? combined.OriginalString.Length > 0 ? combined.ToString() : reference : reference;
    }

    public static string? ResolveLink(XElement element, string? reference, Uri? documentUri) =>
        reference is null || IsAbsolute(reference) ? reference?.Trim() : Resolve(BaseOf(element, documentUri), reference);

    private static bool IsAbsolute(string reference) => HasScheme(reference.Trim());

    /// <summary>RFC 3986 scheme ("http:", "tag:", "urn:"). Uri.TryCreate would call "/a/b" absolute on Linux (a file path).</summary>
    public static bool HasScheme(string reference)
    {
        var colon = reference.IndexOf(':');
        if (colon < 1 || !char.IsAsciiLetter(reference[0])) return false;
        for (var i = 1; i < colon; i++)
            if (!(char.IsAsciiLetterOrDigit(reference[i]) || reference[i] is '+' or '-' or '.')) return false;
        return true;
    }

    /// <summary>Ids are resolved only when they look like relative paths; "abc" or "Correct Value" are opaque ids.</summary>
    public static string? ResolveId(XElement element, string? id, Uri? documentUri) =>
        id is not null && (id.StartsWith('/') || id.StartsWith("./", StringComparison.Ordinal) || id.StartsWith("../", StringComparison.Ordinal)) && !id.Contains(' ')
            ? Resolve(BaseOf(element, documentUri), id)
            : id;
}
