using System.Text;
using System.Xml.Linq;

namespace Ingestion.Feeds;

/// <summary>
/// The value of a text-bearing element: Atom text/html/xhtml (and Atom 0.3 escaped/base64/xml modes),
/// or RSS text that may hold escaped HTML or naked markup. HTML values get relative URLs resolved.
/// </summary>
internal static class TextConstructs
{
    public static string? Value(XElement? element, Uri? documentUri, bool plain = false)
    {
        if (element is null) return null;
        var type = (element.Attribute(Ns.Type)?.Value ?? "").Trim().ToLowerInvariant();
        var mode = (element.Attribute(Ns.Mode)?.Value ?? "").Trim().ToLowerInvariant();
        string value;
        bool isHtml;
        if (mode == "base64" || IsBase64Type(type))
        {
            value = DecodeBase64(element.Value);
            isHtml = type.Contains("html", StringComparison.Ordinal);
        }
        else if (type is "xhtml" or "application/xhtml+xml" || mode == "xml" || element.HasElements)
        {
            // Atom 1.0 type="xhtml" wraps the content in a div that is not part of it (RFC 4287 3.1.1.3).
            var inner = (type == "xhtml" || (type == "application/xhtml+xml" && element.Name.Namespace == Ns.Atom)) && element.Elements().Count() == 1 && element.Nodes().OfType<XText>().All(t => string.IsNullOrWhiteSpace(t.Value))
                && element.Elements().First() is { } only && only.Name.LocalName == "div"
                ? only : element;
            value = InnerMarkup(inner);
            isHtml = true;
        }
        else
        {
            value = element.Value;
            isHtml = !plain && type is not ("text" or "text/plain");
        }
        value = value.Trim();
        if (!isHtml) return value;
        value = HtmlTidy.Normalise(value);
        if (value.Contains('<') && HtmlUrls.MayHaveRelative(value))
            value = HtmlUrls.ResolveRelative(value, XmlBase.BaseOf(element, documentUri));
        return value;
    }

    /// <summary>Atom: a MIME type that is neither text nor XML means the content is base64 (RFC 4287 4.1.3.3).</summary>
    private static bool IsBase64Type(string type) =>
        type.Contains('/') && !type.StartsWith("text/", StringComparison.Ordinal)
        && !type.EndsWith("+xml", StringComparison.Ordinal) && !type.EndsWith("/xml", StringComparison.Ordinal);

    private static string DecodeBase64(string text)
    {
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(text.Trim())); }
        catch (FormatException) { return text; }
    }

    /// <summary>Children serialised as HTML: namespace prefixes dropped, void elements self-closed.</summary>
    public static string InnerMarkup(XElement element)
    {
        var sb = new StringBuilder();
        foreach (var node in element.Nodes()) Write(sb, node, element.Name.Namespace == Ns.Xhtml ? Ns.Xhtml : Ns.None);
        return sb.ToString();
    }

    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>
    /// HTML stays unprefixed; an embedded vocabulary (SVG, MathML) keeps its xmlns where it starts and
    /// xlink attributes keep their prefix, so the markup still means the same once it leaves the feed.
    /// Attributes are written in name order, which keeps the output stable whatever the producer did.
    /// </summary>
    private static void Write(StringBuilder sb, XNode node, XNamespace context)
    {
        switch (node)
        {
            case XText text:
                Escape(sb, text.Value, attribute: false);
                break;
            case XElement el:
                var name = el.Name.LocalName;
                var ns = el.Name.Namespace;
                sb.Append('<').Append(name);
                var attributes = new List<(string Name, string Value)>();
                foreach (var a in el.Attributes())
                {
                    var prefix = a.Name.Namespace == XNamespace.Xml ? "xml:" : a.Name.Namespace == XLink ? "xlink:" : "";
                    attributes.Add((prefix + a.Name.LocalName, a.Value));
                }
                if (ns != context && ns != Ns.Xhtml && ns != Ns.None) attributes.Add(("xmlns", ns.NamespaceName));
                if (el.Attributes().Any(a => a.Name.Namespace == XLink)) attributes.Add(("xmlns:xlink", XLink.NamespaceName));
                attributes.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
                foreach (var (attrName, attrValue) in attributes)
                {
                    sb.Append(' ').Append(attrName).Append("=\"");
                    Escape(sb, attrValue, attribute: true);
                    sb.Append('"');
                }
                if (!el.Nodes().Any() && HtmlVoid.Contains(name)) { sb.Append(" />"); break; }
                sb.Append('>');
                foreach (var child in el.Nodes()) Write(sb, child, ns == Ns.Xhtml || ns == Ns.None ? context : ns);
                sb.Append("</").Append(name).Append('>');
                break;
        }
    }

    private static readonly HashSet<string> HtmlVoid = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    private static void Escape(StringBuilder sb, string s, bool attribute)
    {
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"' when attribute: sb.Append("&quot;"); break;
                default: sb.Append(c); break;
            }
        }
    }
}
