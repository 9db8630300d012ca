using System.Xml.Linq;
using static Ingestion.Feeds.Elements;

namespace Ingestion.Feeds;

/// <summary>Maps one RSS &lt;item&gt; (0.9x/2.0/1.0) or Atom &lt;entry&gt; to a <see cref="FeedItem"/>.</summary>
internal static class ItemMapper
{
    public static FeedItem Map(XElement item, Uri? doc, bool isAtom)
    {
        var title = TextConstructs.Value(isAtom ? item.AtomChild("title") : item.RssChild("title") ?? item.Child(Ns.Dc, "title") ?? item.AtomChild("title"), doc)
            ?? TextConstructs.Value(item.MediaChild("title") ?? item.MediaChild("group")?.MediaChild("title"), doc);

        var link = ItemLink(item, isAtom, doc);
        var guidElement = isAtom ? item.AtomChild("id") : item.RssChild("guid") ?? item.AtomChild("id");
        var id = guidElement is null ? null : XmlBase.ResolveId(guidElement, TextOf(guidElement), doc);
        id ??= item.Attribute(Ns.RdfAbout)?.Value;

        var publishedRaw = First(
            TextOf(item.RssChild("pubDate")), TextOf(item.AtomChild("published")), TextOf(item.AtomChild("issued")),
            TextOf(item.Child(Ns.DcTerms, "issued")), TextOf(item.Child(Ns.DcTerms, "created")), TextOf(item.AtomChild("created")),
            TextOf(item.Child(Ns.Dc, "date")), TextOf(item.AtomChild("updated")), TextOf(item.AtomChild("modified")));
        var updatedRaw = First(
            TextOf(item.AtomChild("updated")), TextOf(item.AtomChild("modified")), TextOf(item.Child(Ns.Dc, "date")),
            TextOf(item.Child(Ns.DcTerms, "modified")), TextOf(item.RssChild("pubDate")));

        var summary = TextConstructs.Value(
            isAtom ? item.AtomChild("summary") : item.RssChild("description") ?? item.AtomChild("summary"), doc)
            ?? TextConstructs.Value(item.Child(Ns.Dc, "description") ?? item.Child(Ns.ITunes, "summary")
                ?? item.MediaChild("description") ?? item.MediaChild("group")?.MediaChild("description"), doc);
        var content = TextConstructs.Value(item.Child(Ns.Content, "encoded") ?? item.AtomChild("content"), doc)
            ?? TextConstructs.Value(item.Child(Ns.Xhtml, "body") ?? item.RssChild("body"), doc)
            ?? TextConstructs.Value(item.RssChild("fullitem"), doc);
        if (isAtom && summary is null && content is not null && item.AtomChild("content")?.Attribute(Ns.Src) is null)
            summary = content; // Atom entries with only <content> are read as summaries by every reader

        return new FeedItem(id, title, link, FeedDates.Parse(publishedRaw), publishedRaw, FeedDates.Parse(updatedRaw), summary, content, Author(item, isAtom))
        {
            UpdatedRaw = updatedRaw,
            MediaUrls = MediaUrls(item, doc),
            Categories = Categories(item),
        };
    }

    private static string? ItemLink(XElement item, bool isAtom, Uri? doc)
    {
        if (!isAtom && item.RssChild("link") is { } rssLink && TextOf(rssLink) is { } href)
            return XmlBase.ResolveLink(rssLink, href, doc);
        if (AlternateLink(item, isAtom) is { } atomLink)
            return XmlBase.ResolveLink(atomLink.Element, atomLink.Href, doc);
        if (!isAtom && item.RssChild("guid") is { } guid && TextOf(guid) is { } g
            && !string.Equals(guid.Attribute(Ns.IsPermaLink)?.Value, "false", StringComparison.OrdinalIgnoreCase)
            && IsHttpUrl(g))
            return g; // RSS 2.0: a permalink guid is the item's link when <link> is missing
        if (isAtom && TextOf(item.AtomChild("id")) is { } atomId && IsHttpUrl(atomId))
            return atomId; // an Atom entry without a link is usually found at its id
        var about = item.Attribute(Ns.RdfAbout)?.Value;
        return about is not null && about.Contains("://", StringComparison.Ordinal) ? about : null;
    }

    private static bool IsHttpUrl(string s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static string? Author(XElement item, bool isAtom)
    {
        var atomAuthor = item.AtomChild("author");
        if (atomAuthor is not null && (atomAuthor.HasElements || isAtom))
        {
            var name = TextOf(atomAuthor.AtomChild("name"));
            var email = TextOf(atomAuthor.AtomChild("email"));
            if (name is not null && email is not null) return $"{name} ({email})";
            return name ?? email ?? TextOf(atomAuthor);
        }
        return First(TextOf(item.RssChild("author")), TextOf(item.Child(Ns.Dc, "creator")), TextOf(item.Child(Ns.ITunes, "author")),
            TextOf(item.Child(Ns.Dc, "author")), TextOf(atomAuthor));
    }

    private static IReadOnlyList<string> MediaUrls(XElement item, Uri? doc)
    {
        List<string>? urls = null;
        foreach (var e in item.Descendants())
        {
            var isMedia = Ns.IsMedia(e.Name.Namespace) && e.Name.LocalName is "content" or "thumbnail";
            var isEnclosure = e.Name.LocalName == "enclosure" && Ns.IsRssCore(e.Name.Namespace);
            if (!isMedia && !isEnclosure) continue;
            var url = XmlBase.ResolveLink(e, e.Attribute(Ns.Url)?.Value, doc);
            if (string.IsNullOrWhiteSpace(url)) continue;
            urls ??= [];
            if (!urls.Contains(url)) urls.Add(url);
        }
        return urls is null ? Array.Empty<string>() : urls;
    }

    private static IReadOnlyList<string> Categories(XElement item)
    {
        List<string>? tags = null;
        for (var e = FirstChild(item); e is not null; e = NextSibling(e))
        {
            var value = e.Name.LocalName switch
            {
                "category" when Ns.IsRssCore(e.Name.Namespace) => TextOf(e),
                "category" when Ns.IsAtom(e.Name.Namespace) => e.Attribute(Ns.Label)?.Value ?? e.Attribute(Ns.Term)?.Value,
                "subject" when e.Name.Namespace == Ns.Dc => TextOf(e),
                "keywords" when Ns.IsMedia(e.Name.Namespace) => TextOf(e),
                _ => null,
            };
            if (value is null) continue;
            (tags ??= []).Add(value);
        }
        return tags is null ? Array.Empty<string>() : tags;
    }
}
