namespace Ingestion.Dedupe.Tests;

/// <summary>The seed articles, and the kind of light edits an outlet makes when it republishes wire copy.</summary>
internal static class SeedArticles
{
    public static string[] All() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "articles"), "*.txt")
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    /// <summary>Drops the headline line, swaps every <paramref name="every"/>-th word and adds the outlet's own footer.</summary>
    public static string LightlyEdited(string text, int every)
    {
        var lines = text.Split('\n');
        var words = string.Join('\n', lines.Skip(1)).Split(' ');
        for (int i = every / 2; i < words.Length; i += every) words[i] = "وأضاف";
        return string.Join(' ', words) + "\nالمصدر: وكالات. تابعونا على قناتنا";
    }

    /// <summary>Exact Jaccard similarity of word 3-shingle sets, the quantity MinHash estimates.</summary>
    public static double Jaccard(string a, string b)
    {
        static HashSet<string> Shingles(string t)
        {
            var w = Ingestion.Dedupe.ArticleFingerprint.NormalizeForHash(t).Split(' ');
            return Enumerable.Range(0, Math.Max(0, w.Length - 2)).Select(i => $"{w[i]} {w[i + 1]} {w[i + 2]}").ToHashSet();
        }
        var sa = Shingles(a);
        var sb = Shingles(b);
        return (double)sa.Intersect(sb).Count() / sa.Union(sb).Count();
    }
}
