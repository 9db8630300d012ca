using System.Text.Json;
using Ingestion.Feeds.Tests.Support;
using Xunit.Abstractions;

namespace Ingestion.Feeds.Tests.Parsing;

/// <summary>Runs every file of the peer's (feedparser's) suite through our parser and scores the news-field checks.</summary>
public sealed class FeedCorpusConformanceTests(ITestOutputHelper output)
{
    private const double RequiredPassRate = 0.95;

    [Fact]
    public void Parses_every_corpus_file_and_passes_95_percent_of_news_field_checks()
    {
        var corpus = RepoPaths.FeedCorpus();
        Assert.True(Directory.Exists(corpus), $"feed corpus not found at {corpus}");

        var perFolder = new SortedDictionary<string, (int Pass, int Total)>(StringComparer.Ordinal);
        int bozoPass = 0, bozoTotal = 0, files = 0;
        var failures = new List<string>();
        foreach (var (file, headers, checks) in CorpusChecks.Load(corpus))
        {
            files++;
            var bytes = File.ReadAllBytes(Path.Combine(corpus, file));
            var contentType = headers?.GetValueOrDefault("Content-type");
            var url = headers?.GetValueOrDefault("Content-Location") is { } location
                ? new Uri(location)
                : new Uri("http://127.0.0.1:8097/" + file); // the suite's own document URI
            var feed = FeedParser.Parse(bytes, contentType, url); // an escaping exception fails the test here
            Assert.NotNull(feed);

            var folder = Path.GetDirectoryName(file)!.Replace('\\', '/');
            foreach (var check in checks)
            {
                if (check.Kind == "bozo")
                {
                    bozoTotal++;
                    if (feed.Malformed == check.Expected.GetBoolean()) bozoPass++;
                    else failures.Add($"[bozo] {file}: expected {check.Expected.GetBoolean()}, got {feed.Malformed} ({feed.Error})");
                    continue;
                }
                if (check.Kind is not ("eq" or "eq_datetime") || check.Field is null || !CorpusChecks.NewsField().IsMatch(check.Field)) continue;
                var (modelled, actual) = CorpusChecks.Actual(feed, check.Field);
                if (!modelled) continue;
                var expected = check.Expected.ValueKind == JsonValueKind.String ? check.Expected.GetString() : check.Expected.ToString();
                var ok = string.Equals(expected, actual, check.Field == "encoding" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
                var (pass, total) = perFolder.GetValueOrDefault(folder);
                perFolder[folder] = (pass + (ok ? 1 : 0), total + 1);
                if (!ok) failures.Add($"{file}: {check.Field} expected «{expected}» got «{actual}»");
            }
        }

        var allPass = perFolder.Values.Sum(v => v.Pass);
        var allTotal = perFolder.Values.Sum(v => v.Total);
        output.WriteLine($"{files} files parsed without an exception");
        foreach (var (folder, (pass, total)) in perFolder)
            output.WriteLine($"{folder,-32} {pass,4}/{total,-4} {100.0 * pass / total,6:0.0}%");
        output.WriteLine($"news-field checks: {allPass}/{allTotal} = {100.0 * allPass / allTotal:0.0}%");
        output.WriteLine($"malformed (bozo) flag: {bozoPass}/{bozoTotal} = {100.0 * bozoPass / bozoTotal:0.0}%");
        foreach (var f in failures) output.WriteLine("FAIL " + f);

        Assert.True(allTotal > 500, $"only {allTotal} news-field checks found; the corpus looks incomplete");
        Assert.True((double)allPass / allTotal >= RequiredPassRate,
            $"news-field pass rate {(double)allPass / allTotal:P1} is below {RequiredPassRate:P0}");
    }
}
