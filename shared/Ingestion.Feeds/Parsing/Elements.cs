using System.Xml.Linq;

namespace Ingestion.Feeds;

/// <summary>
/// Small lookups over an element's children, by namespace predicate and local name. A feed item is looked up
/// some thirty times, so these walk the sibling chain directly: Elements() would allocate an iterator per lookup.
/// </summary>
internal static class Elements
{
    public static XElement? Child(this XElement parent, XNamespace ns, string local)
    {
        for (var e = FirstChild(parent); e is not null; e = NextSibling(e))
            if (e.Name.LocalName == local && e.Name.Namespace == ns) return e;
        return null;
    }

    public static XElement? RssChild(this XElement parent, string local)
    {
        for (var e = FirstChild(parent); e is not null; e = NextSibling(e))
            if (e.Name.LocalName == local && Ns.IsRssCore(e.Name.Namespace)) return e;
        return null;
    }

    /// <summary>An Atom child; inside a namespace-less &lt;feed&gt; (old Atom drafts) the child has no namespace either.</summary>
    public static XElement? AtomChild(this XElement parent, string local)
    {
        var bare = parent.Name.Namespace == Ns.None && parent.Name.LocalName is "feed" or "entry" or "author";
        for (var e = FirstChild(parent); e is not null; e = NextSibling(e))
            if (e.Name.LocalName == local && (Ns.IsAtom(e.Name.Namespace) || (bare && e.Name.Namespace == Ns.None))) return e;
        return null;
    }

    public static XElement? MediaChild(this XElement parent, string local)
    {
        for (var e = FirstChild(parent); e is not null; e = NextSibling(e))
            if (e.Name.LocalName == local && Ns.IsMedia(e.Name.Namespace)) return e;
        return null;
    }

    public static XElement? FirstChild(XElement parent)
    {
        for (var n = parent.FirstNode; n is not null; n = n.NextNode)
            if (n is XElement e) return e;
        return null;
    }

    public static XElement? NextSibling(XElement element)
    {
        for (var n = element.NextNode; n is not null; n = n.NextNode)
            if (n is XElement e) return e;
        return null;
    }

    public static string? TextOf(XElement? e)
    {
        if (e is null) return null;
        var v = e.Value.Trim();
        return v.Length == 0 ? null : v;
    }

    /// <summary>First non-empty value in order of preference.</summary>
    public static string? First(params ReadOnlySpan<string?> values)
    {
        foreach (var v in values)
            if (!string.IsNullOrWhiteSpace(v)) return v;
        return null;
    }

    /// <summary>The Atom link a reader follows: rel=alternate (or no rel), preferring HTML; else the first link.</summary>
    public static (XElement Element, string Href)? AlternateLink(XElement parent, bool atomDocument)
    {
        (XElement, string)? best = null;
        for (var link = FirstChild(parent); link is not null; link = NextSibling(link))
        {
            if (link.Name.LocalName != "link") continue;
            if (!Ns.IsAtom(link.Name.Namespace) && !(atomDocument && link.Name.Namespace == Ns.None)) continue;
            // Some producers put the URL in the element text instead of href.
            var href = link.Attribute(Ns.Href)?.Value ?? (atomDocument ? TextOf(link) : null);
            if (href is null) continue;
            var rel = link.Attribute(Ns.Rel)?.Value ?? "alternate";
            if (rel != "alternate") continue;
            var type = link.Attribute(Ns.Type)?.Value;
            if (type is null || type.Contains("html", StringComparison.OrdinalIgnoreCase)) return (link, href);
            best ??= (link, href);
        }
        return best;
    }
}
