using System.Net;
using Ingestion.Feeds.Tests.Support;

namespace Ingestion.Feeds.Tests.Articles;

/// <summary>One seed article dressed as a real news page, with what must and must not be in its main text.</summary>
internal sealed record SeedArticlePage(string Name, string Html, string Title, IReadOnlyList<string> Paragraphs, string Slug, string Published);

/// <summary>
/// Builds news pages around the seed texts (seeds/articles/*.txt): the first line is the headline,
/// lines of prose (80+ characters) are the article's paragraphs, short lines are subheadings; a line
/// that repeats is an image caption and goes to the figure. The template adds menus, ticker, ads,
/// tags, share buttons, related stories, a comment form, a sidebar and a footer.
/// </summary>
internal static class SeedArticlePages
{
    public static readonly string[] BoilerplateMarkers =
    [
        "الرئيسية", "اتصل بنا", "وزير الخارجية يصل", "إعلان: احصل", "تصنيفات", "فيسبوك", "قصص قد تهمك",
        "خطة جديدة لإعادة إعمار", "أعلنت الحكومة العراقية عن إطلاق خطة", "ارتفاع أسعار النفط", "اترك تعليقاً",
        "لن يتم نشر عنوان بريدك", "الأكثر قراءة", "أسعار صرف الدولار", "جميع الحقوق محفوظة", "سياسة الخصوصية",
        "time reading icon", "حجم الخط",
    ];

    public static IEnumerable<SeedArticlePage> All()
    {
        var template = File.ReadAllText(Path.Combine(RepoPaths.Fixtures(), "articles", "template.html"));
        foreach (var path in Directory.GetFiles(RepoPaths.Seeds(), "*.txt").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            var title = lines[0];
            var repeated = lines.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            var paragraphs = lines.Skip(1).Where(l => l.Length >= 80 && !repeated.Contains(l) && !SeedBoilerplate(l)).ToList();
            var subheadings = lines.Skip(1).Where(l => l.Length is >= 12 and < 80 && !SeedBoilerplate(l)).ToList();
            var caption = repeated.FirstOrDefault() ?? "صورة أرشيفية: وكالة تسنيم للأنباء، عبر ويكيميديا كومنز";

            var body = new System.Text.StringBuilder();
            for (var i = 0; i < paragraphs.Count; i++)
            {
                if (i == paragraphs.Count / 2 && subheadings.Count > 0) body.Append("<h2>").Append(WebUtility.HtmlEncode(subheadings[0])).AppendLine("</h2>");
                body.Append("<p>").Append(WebUtility.HtmlEncode(paragraphs[i])).AppendLine("</p>");
                if (i == 0) body.AppendLine("<div class=\"inline-related\"><strong>اقرأ أيضاً</strong><a href=\"/x2\">تفاصيل جديدة عن الهجوم على القاعدة العسكرية في الأنبار</a></div>");
            }
            var name = Path.GetFileNameWithoutExtension(path);
            var slug = "news/" + name;
            var published = "2024-01-24";
            var html = template.Replace("{{TITLE}}", WebUtility.HtmlEncode(title)).Replace("{{SLUG}}", slug)
                .Replace("{{PUBLISHED}}", published).Replace("{{CAPTION}}", WebUtility.HtmlEncode(caption)).Replace("{{BODY}}", body.ToString());
            yield return new SeedArticlePage(name, html, title, paragraphs, slug, published);
        }
    }

    private static bool SeedBoilerplate(string line) =>
        line.Contains("time reading", StringComparison.Ordinal) || line is "تصنيفات" or "قصص قد تهمك" or "اترك تعليقاً" or "حجم الخط" or "وكالة خبر"
        || line.StartsWith("لن يتم نشر", StringComparison.Ordinal) || line.Contains(".jpg", StringComparison.Ordinal) || line.Contains("CC BY", StringComparison.Ordinal);
}
