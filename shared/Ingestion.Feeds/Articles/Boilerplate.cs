using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Ingestion.Feeds;

/// <summary>Removes what is never article text: chrome, ads, comment forms, related stories, tag lists, captions.</summary>
internal static partial class Boilerplate
{
    private const string AlwaysDropped =
        "script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, select, input, textarea, " +
        "nav, header, footer, aside, figure, figcaption, [role='navigation'], [role='banner'], [role='contentinfo'], [role='complementary'], " +
        "[aria-hidden='true'], [hidden]";

    /// <summary>Headings that open a boilerplate block on Arabic news sites (and their English twins).</summary>
    private static readonly string[] BoilerplateHeadings =
    [
        "اترك تعليقا", "اترك تعليقاً", "أضف تعليق", "اضف تعليق", "التعليقات", "قصص قد تهمك", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضاً", "اقرأ ايضا",
        "مواضيع ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة", "الأكثر قراءة", "الأكثر مشاهدة", "تصنيفات", "الوسوم", "كلمات مفتاحية",
        "شارك", "تابعونا", "النشرة البريدية", "Leave a comment", "Related", "Tags", "Most read",
    ];

    public static void Strip(IDocument doc)
    {
        foreach (var e in doc.QuerySelectorAll(AlwaysDropped).ToList()) e.Remove();
        foreach (var e in doc.QuerySelectorAll("[class], [id]").ToList())
        {
            if (e.Parent is null || e.LocalName is "body" or "html" or "article" or "main") continue;
            var marker = (e.ClassName ?? "") + " " + (e.Id ?? "");
            if (Unlikely().IsMatch(marker) && !Likely().IsMatch(marker)) e.Remove();
        }
        foreach (var heading in doc.QuerySelectorAll("h2, h3, h4, h5, h6, strong, span, div, p").ToList())
        {
            if (heading.ParentElement is null || !IsBoilerplateHeading(heading.TextContent)) continue;
            // The heading's block: the nearest ancestor that holds more than the heading itself.
            var block = heading.ParentElement is { } p && p.LocalName is not ("body" or "article" or "main") && p.Children.Length <= 6 ? p : heading;
            if (heading.NextElementSibling is { } list && list.LocalName is "ul" or "ol" or "div") list.Remove();
            block.Remove();
        }
    }

    private static bool IsBoilerplateHeading(string text)
    {
        var t = text.Trim().TrimEnd(':', '：', '.', '!');
        if (t.Length == 0 || t.Length > 40) return false;
        foreach (var h in BoilerplateHeadings)
            if (t.Equals(h, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    [GeneratedRegex(@"comment|related|share|social|sharing|tags?\b|tag-|taxonom|categor|sidebar|widget|menu|navbar|breadcrumb|footer|header|masthead|banner|\bads?\b|ad-|advert|sponsor|promo|newsletter|subscribe|popular|most-read|trending|caption|credit|outbrain|taboola|disqus|pagination|pager|author-bio|print|font-size|fontsize|reading-time|readtime", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unlikely();

    [GeneratedRegex(@"article-body|article__body|articlebody|post-content|entry-content|story-body|main-content|content-body|\bcontent\b|\barticle\b|\bbody\b|text", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Likely();
}
