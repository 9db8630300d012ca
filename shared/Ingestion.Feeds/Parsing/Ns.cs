using System.Xml.Linq;

namespace Ingestion.Feeds;

/// <summary>The namespaces a news feed uses.</summary>
internal static class Ns
{
    public static readonly XNamespace None = XNamespace.None;
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    public static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    public static readonly XNamespace Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public static readonly XNamespace Rss20Userland = "http://backend.userland.com/rss2";
    public static readonly XNamespace Rss20Userland2 = "http://blogs.law.harvard.edu/tech/rss";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace DcTerms = "http://purl.org/dc/terms/";
    public static readonly XNamespace Sy = "http://purl.org/rss/1.0/modules/syndication/";
    public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    public static readonly XNamespace MediaAlt = "http://search.yahoo.com/mrss";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace ITunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public static readonly XName XmlBase = XNamespace.Xml + "base";
    public static readonly XName RdfAbout = Rdf + "about";
    // Unqualified attribute names, resolved once instead of on every lookup.
    public static readonly XName Type = "type", Mode = "mode", Href = "href", Rel = "rel", Url = "url",
        IsPermaLink = "isPermaLink", Label = "label", Term = "term", Src = "src";
    public static readonly XName XmlLang = XNamespace.Xml + "lang";

    /// <summary>Prefixes feeds use without declaring them; the lenient path declares them so the document still parses.</summary>
    public static readonly IReadOnlyDictionary<string, string> WellKnownPrefixes = new Dictionary<string, string>
    {
        ["dc"] = Dc.NamespaceName, ["dcterms"] = DcTerms.NamespaceName, ["content"] = Content.NamespaceName,
        ["atom"] = Atom.NamespaceName, ["media"] = Media.NamespaceName, ["sy"] = Sy.NamespaceName,
        ["rdf"] = Rdf.NamespaceName, ["itunes"] = ITunes.NamespaceName, ["xhtml"] = Xhtml.NamespaceName,
    };

    /// <summary>Elements of the RSS core carry no namespace, or one of the RSS 1.0/0.90/userland ones.</summary>
    public static bool IsRssCore(XNamespace ns) =>
        ns == None || ns == Rss10 || ns == Rss090 || ns == Rss20Userland || ns == Rss20Userland2;

    public static bool IsAtom(XNamespace ns) => ns == Atom || ns == Atom03;

    public static bool IsMedia(XNamespace ns) => ns == Media || ns == MediaAlt;
}
