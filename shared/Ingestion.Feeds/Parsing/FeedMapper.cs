using System.Globalization;
using System.Xml.Linq;
using static Ingestion.Feeds.Elements;

namespace Ingestion.Feeds;

/// <summary>Turns the element tree of an RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom 0.3/1.0 document into a <see cref="ParsedFeed"/>.</summary>
internal static class FeedMapper
{
    public static ParsedFeed Map(XElement root, Uri? doc, string encoding, bool malformed, string? error)
    {
        var (format, channel, items) = Locate(root);
        if (format == "unknown")
            return new ParsedFeed(null, null, null, "unknown", encoding, true,
                error ?? $"not an RSS or Atom document: root element <{root.Name.LocalName}>", Array.Empty<FeedItem>());

        var isAtom = format == "atom";
        var title = TextConstructs.Value(isAtom ? channel.AtomChild("title") : channel.RssChild("title") ?? channel.Child(Ns.Dc, "title") ?? channel.AtomChild("title"), doc, plain: !isAtom);
        var description = TextConstructs.Value(isAtom
            ? channel.AtomChild("subtitle") ?? channel.AtomChild("tagline")
            : channel.RssChild("description") ?? channel.Child(Ns.Dc, "description") ?? channel.AtomChild("subtitle"), doc);
        var updatedRaw = First(TextOf(channel.AtomChild("updated")), TextOf(channel.AtomChild("modified")), TextOf(channel.RssChild("lastBuildDate")),
            TextOf(channel.Child(Ns.Dc, "date")), TextOf(channel.RssChild("pubDate")), TextOf(channel.Child(Ns.DcTerms, "modified")));

        var mapped = new List<FeedItem>(items.Count);
        foreach (var item in items) mapped.Add(ItemMapper.Map(item, doc, isAtom));

        return new ParsedFeed(title, FeedLink(channel, isAtom, doc), description, format, encoding, malformed, error, mapped)
        {
            TtlMinutes = PositiveInt(TextOf(channel.RssChild("ttl"))),
            UpdatePeriodMinutes = SyndicationPeriod(channel) ?? SyndicationPeriod(root),
            Updated = FeedDates.Parse(updatedRaw),
            Language = First(TextOf(channel.RssChild("language")), TextOf(channel.Child(Ns.Dc, "language")),
                channel.Attribute(Ns.XmlLang)?.Value, root.Attribute(Ns.XmlLang)?.Value),
        };
    }

    /// <summary>Where the channel metadata and the items sit for each format.</summary>
    private static (string Format, XElement Channel, List<XElement> Items) Locate(XElement root)
    {
        var local = root.Name.LocalName == "CHANNEL" ? "channel" : root.Name.LocalName; // CDF's upper-case cousin of RSS
        if (local == "feed" && (Ns.IsAtom(root.Name.Namespace) || root.Name.Namespace == Ns.None))
            return ("atom", root, root.Elements().Where(e => e.Name.LocalName == "entry").ToList());
        if (local == "RDF")
        {
            var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel") ?? root;
            var items = root.Elements().Where(e => e.Name.LocalName == "item").ToList();
            if (items.Count == 0) items = channel.Elements().Where(e => e.Name.LocalName == "item").ToList();
            return ("rdf", channel, items);
        }
        if (local is "rss" or "channel")
        {
            var channel = local == "channel" ? root : root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel") ?? root;
            var items = channel.Elements().Where(e => e.Name.LocalName is "item" or "ITEM").ToList();
            // RSS 0.9x feeds in the wild sometimes put items beside the channel instead of inside it.
            if (!ReferenceEquals(channel, root)) items.AddRange(root.Elements().Where(e => e.Name.LocalName == "item"));
            return ("rss", channel, items);
        }
        return ("unknown", root, []);
    }

    private static string? FeedLink(XElement channel, bool isAtom, Uri? doc)
    {
        if (!isAtom)
        {
            for (var link = FirstChild(channel); link is not null; link = NextSibling(link))
                if (link.Name.LocalName == "link" && Ns.IsRssCore(link.Name.Namespace) && TextOf(link) is { } href)
                    return XmlBase.ResolveLink(link, href, doc);
        }
        return AlternateLink(channel, isAtom) is { } alt ? XmlBase.ResolveLink(alt.Element, alt.Href, doc) : null;
    }

    /// <summary>sy:updatePeriod (hourly..yearly) divided by sy:updateFrequency, in minutes.</summary>
    private static int? SyndicationPeriod(XElement channel)
    {
        var period = TextOf(channel.Child(Ns.Sy, "updatePeriod"))?.ToLowerInvariant();
        var frequency = PositiveInt(TextOf(channel.Child(Ns.Sy, "updateFrequency"))) ?? 1;
        int? minutes = period switch
        {
            "hourly" => 60, "daily" => 1440, "weekly" => 10080, "monthly" => 43200, "yearly" => 525600, _ => null,
        };
        if (minutes is null && frequency == 1) return null;
        return Math.Max(1, (minutes ?? 1440) / frequency);
    }

    private static int? PositiveInt(string? s) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;
}
