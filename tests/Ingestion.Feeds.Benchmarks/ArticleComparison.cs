using System.Text.Json;
using System.Text.RegularExpressions;
using Ingestion.Feeds.Tests.Articles;

namespace Ingestion.Feeds.Benchmarks;

/// <summary>
/// --articles: our main-text reader against Debian's python3-readability on the seed articles dressed as news pages
/// (menus, ticker, ads, captions, tags «تصنيفات», related stories «قصص قد تهمك», comment form «اترك تعليقاً», footer).
/// Per page: the share of the article's sentences each keeps, the share of boilerplate lines each drops, and the time.
/// </summary>
internal static partial class ArticleComparison
{
    private const int Rounds = 20;

    /// <summary>Posted readers' comments: long prose outside the article, the boilerplate a readability scorer most often keeps.</summary>
    private const string ReaderComments = """
        <ol class="comment-list"><li class="comment"><div class="comment-author">أبو علي</div><div class="comment-content"><p>هذه الهجمات لن تتوقف ما دامت القوات الأجنبية موجودة على أرضنا، والحكومة مطالبة بموقف واضح يحفظ سيادة البلد ويمنع تحويله إلى ساحة لتصفية الحسابات بين الدول.</p></div></li>
        <li class="comment"><div class="comment-author">سارة</div><div class="comment-content"><p>أتمنى أن تنقلوا الخبر من مصادر متعددة، فالروايات متضاربة كل مرة ولا نعرف الحقيقة إلا بعد أيام طويلة من الانتظار والتصريحات المتناقضة.</p></div></li></ol>
        """;

    /// <summary>Lines of the template outside its marker list: the in-body «read also» box and the comments above.</summary>
    private static readonly string[] ExtraBoilerplate = ["اقرأ أيضاً", "تفاصيل جديدة عن الهجوم على القاعدة", "هذه الهجمات لن تتوقف", "الروايات متضاربة كل مرة"];

    public static int Report()
    {
        var plain = SeedArticlePages.All().ToList();
        var pages = plain.Concat(plain.Select(p => p with
        {
            Name = p.Name[..3] + "+comments",
            Html = p.Html.Replace("<div id=\"comments\" class=\"comments-area\">", "<div id=\"comments\" class=\"comments-area\"><h3>تعليقات القراء</h3>" + ReaderComments, StringComparison.Ordinal),
        })).ToList();
        var folder = Directory.CreateTempSubdirectory("article-pages-");
        try
        {
            var files = pages.Select(p => Path.Combine(folder.FullName, p.Name + ".html")).ToList();
            for (var i = 0; i < pages.Count; i++) File.WriteAllText(files[i], pages[i].Html);
            var peer = RunReadability(files);
            if (peer is null)
            {
                Console.WriteLine("python3-readability not available (apt-get install -y python3-readability); no comparison.");
                return 1;
            }
            Console.WriteLine($"{"page",-22} {"sentences kept",17} {"boilerplate dropped",21} {"ms per page (CPU)",22}");
            Console.WriteLine($"{"",-22} {"ours",8} {"readab.",8} {"ours",10} {"readab.",10} {"ours",10} {"readab.",11}");
            double oursSeconds = 0, peerSeconds = 0;
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages[i];
                var (ours, seconds) = TimeOurs(page.Html, new Uri($"https://news.example/ar/{page.Slug}"));
                oursSeconds += seconds;
                peerSeconds += peer[i].CpuSeconds;
                var sentences = Sentences(page.Paragraphs).ToList();
                Console.WriteLine($"{page.Name,-22} {Kept(sentences, ours),8:P0} {Kept(sentences, peer[i].Text),8:P0} " +
                                  $"{Dropped(ours),10:P0} {Dropped(peer[i].Text),10:P0} {seconds * 1000,10:0.00} {peer[i].CpuSeconds * 1000,11:0.00}");
            }
            Console.WriteLine($"{pages.Count} pages, {Boilerplate.Length} boilerplate lines each; ours is {peerSeconds / oursSeconds:0.0}x faster (CPU time per page, best of {Rounds})");
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static (string Text, double CpuSeconds) TimeOurs(string html, Uri url)
    {
        var text = ArticlePageReader.Read(html, url).MainText;
        var best = double.MaxValue;
        for (var r = 0; r < Rounds; r++)
        {
            var before = ThreadCpu.Seconds();
            ArticlePageReader.Read(html, url);
            best = Math.Min(best, ThreadCpu.Seconds() - before);
        }
        return (text, best);
    }

    /// <summary>The article's sentences: its paragraphs split after . ! ? ؟ ؛ (sentences under 20 characters are too short to tell apart).</summary>
    private static IEnumerable<string> Sentences(IEnumerable<string> paragraphs) =>
        paragraphs.SelectMany(p => SentenceEnd().Split(p)).Select(Normalise).Where(s => s.Length >= 20);

    private static double Kept(List<string> sentences, string text)
    {
        var normalised = Normalise(text);
        return sentences.Count == 0 ? 1 : sentences.Count(s => normalised.Contains(s, StringComparison.Ordinal)) / (double)sentences.Count;
    }

    private static double Dropped(string text)
    {
        var normalised = Normalise(text);
        return Boilerplate.Count(m => !normalised.Contains(Normalise(m), StringComparison.Ordinal)) / (double)Boilerplate.Length;
    }

    private static string[] Boilerplate => [.. SeedArticlePages.BoilerplateMarkers, .. ExtraBoilerplate];

    private static string Normalise(string text) => Spaces().Replace(text, " ").Trim();

    private sealed record PeerPage(string Text, double CpuSeconds);

    private static List<PeerPage>? RunReadability(List<string> files)
    {
        using var json = PythonRunner.RunScript("readability_bench.py", Rounds, JsonSerializer.Serialize(files));
        return json?.RootElement.EnumerateArray().Select(e => new PeerPage(e.GetProperty("text").GetString() ?? "", e.GetProperty("cpu_seconds").GetDouble())).ToList();
    }

    [GeneratedRegex(@"(?<=[.!?؟؛])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
