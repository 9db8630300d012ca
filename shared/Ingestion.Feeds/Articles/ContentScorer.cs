using AngleSharp.Dom;

namespace Ingestion.Feeds;

/// <summary>
/// Readability-style choice of the article container: every paragraph scores by its length, its
/// punctuation (Arabic and Latin commas and full stops) and how much of it is Arabic prose; the score
/// flows to its parent and half to its grandparent; containers are penalised by their link density.
/// </summary>
internal static class ContentScorer
{
    private const int MinParagraphChars = 25;

    public static IElement? BestContainer(IDocument doc)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var p in Paragraphs(doc))
        {
            var text = p.TextContent.Trim();
            if (text.Length < MinParagraphChars) continue;
            var score = ParagraphScore(text);
            if (p.ParentElement is { } parent) Add(scores, parent, score);
            if (p.ParentElement?.ParentElement is { } grand) Add(scores, grand, score / 2);
        }
        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (element, raw) in scores)
        {
            var score = raw * (1 - LinkDensity(element));
            if (score > bestScore) { best = element; bestScore = score; }
        }
        return best;
    }

    /// <summary>The article's paragraphs, in document order, from the best container.</summary>
    public static IEnumerable<string> MainParagraphs(IElement container)
    {
        foreach (var e in container.QuerySelectorAll("p, h2, h3, h4, li, blockquote, pre, div"))
        {
            // Only the innermost text-bearing blocks, so nested divs are not repeated.
            if (e.LocalName == "div" && e.QuerySelector("p, div, h2, h3, h4, li, blockquote, pre") is not null) continue;
            if (e.LocalName == "li" && e.QuerySelector("p") is not null) continue;
            if (e.ParentElement is { } parent && parent != container && parent.LocalName is "blockquote" or "li") continue;
            var text = Normalise(e.TextContent);
            if (text.Length == 0) continue;
            if (e.LocalName is "li" or "div" && text.Length < MinParagraphChars) continue;
            if (LinkDensity(e) > 0.5) continue;
            yield return text;
        }
    }

    private static IEnumerable<IElement> Paragraphs(IDocument doc)
    {
        foreach (var e in doc.QuerySelectorAll("p, pre, td, blockquote, div"))
        {
            // A div counts as a paragraph only when it holds text directly (sites that use <div> for <p>).
            if (e.LocalName == "div" && e.QuerySelector("p, div, table, ul, ol, blockquote, pre") is not null) continue;
            yield return e;
        }
    }

    internal static double ParagraphScore(string text)
    {
        var commas = 0;
        var arabic = 0;
        foreach (var c in text)
        {
            if (c is ',' or '،' or '.' or '؛' or '؟') commas++;
            if (ArabicText.IsArabicLetter(c)) arabic++;
        }
        var arabicShare = (double)arabic / text.Length;
        return 1 + commas + Math.Min(text.Length / 100.0, 3) + 2 * arabicShare;
    }

    internal static double LinkDensity(IElement e)
    {
        var total = e.TextContent.Trim().Length;
        if (total == 0) return 0;
        var linked = 0;
        foreach (var a in e.QuerySelectorAll("a")) linked += a.TextContent.Trim().Length;
        return Math.Min(1, (double)linked / total);
    }

    private static void Add(Dictionary<IElement, double> scores, IElement e, double score) =>
        scores[e] = scores.GetValueOrDefault(e) + score;

    internal static string Normalise(string s) =>
        string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
