using System.Diagnostics;
using Ingestion.Extraction.Lexicon;
using Ingestion.Extraction.Semantics;
using Ingestion.Extraction.Text;

namespace Ingestion.Extraction.Benchmarks;

/// <summary>`profile`: a rough split of where extraction time goes (normalise+tokenise, clitic analysis, phrase matching, reading), for tuning.</summary>
internal static class Profile
{
    public static void Run()
    {
        var dict = Dictionaries.Load(Path.Combine(AppContext.BaseDirectory, "Data"));
        var articles = SeedCorpus.Load();
        var extractor = IncidentExtractor.Load();
        var norm = new char[10000];
        var map = new int[10000];
        var tokens = new List<Token>();
        var forms = new List<TokenForm>();
        var scan = new ArticleScan();
        Time("normalise+tokenise", articles, a => { int n = ArabicNormalizer.Normalize(a.Text, norm, map); tokens.Clear(); Tokenizer.Tokenize(norm.AsSpan(0, n), tokens); });
        Time("+ clitic analysis", articles, a =>
        {
            int n = ArabicNormalizer.Normalize(a.Text, norm, map); tokens.Clear(); Tokenizer.Tokenize(norm.AsSpan(0, n), tokens);
            forms.Clear();
            foreach (var t in tokens) if (t.Type == TokenType.Word) dict.Forms.Analyse(norm.AsSpan(t.Start, t.Length), forms);
        });
        var matches = new List<Match>();
        var scratch = new MatchScratch();
        Time("+ phrase matching", articles, a =>
        {
            int n = ArabicNormalizer.Normalize(a.Text, norm, map); tokens.Clear(); Tokenizer.Tokenize(norm.AsSpan(0, n), tokens);
            matches.Clear();
            PhraseMatcher.FindAll(dict, norm.AsSpan(0, n), tokens, matches, scratch);
        });
        Time("scan (all of the above + phrases, noise, clauses)", articles, a => scan.Read(dict, a.Text));
        Time("extract", articles, a => extractor.Extract(a.Text, a.Published));
    }

    private static void Time(string label, IReadOnlyList<SeedCorpus.Article> articles, Action<SeedCorpus.Article> work)
    {
        for (int w = 0; w < 300; w++) foreach (var a in articles) work(a);
        var best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < 400; i++) foreach (var a in articles) work(a);
            best = Math.Min(best, sw.Elapsed.TotalMicroseconds / (400.0 * articles.Count));
        }
        Console.WriteLine($"{label,-50} {best,8:F1} us/article (best of 5)");
    }
}
