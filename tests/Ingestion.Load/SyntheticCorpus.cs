using Ingestion.Cli;
using System.Text;
using System.Text.RegularExpressions;
using Ingestion.Dedupe;
using Ingestion.Extraction;
using Ingestion.Resolution;
using Ingestion.Testing;

namespace Ingestion.Load;

/// <summary>One generated article and what the extractor reads in it.</summary>
public sealed record SyntheticArticle(FeedArticle Page, DateOnly Published, IReadOnlyList<ExtractedIncident> Incidents);

/// <summary>
/// N synthetic Arabic articles: seed sentences that report incidents, with other places, numbers and
/// publication days, between seed background sentences. Every article is checked with the platform's own
/// libraries: it reports at least one incident, and it is no copy of another (content hash and MinHash at the
/// FeedWorker's threshold), so the FeedWorker drops none of them. The expected number of incidents is what the
/// batch resolver makes of all their mentions, as `ingest extract` would.
/// Publication days are either spread at random over 2,400 days, so the articles around any day and place grow
/// denser the longer a run goes, or advance with the articles, a given number a day, as a live stream's do.
/// </summary>
public sealed partial class SyntheticCorpus
{
    private static readonly DateOnly FirstDay = new(2019, 1, 1);
    private const int Days = 2400;

    public required IReadOnlyList<SyntheticArticle> Articles { get; init; }
    public required int ExpectedIncidents { get; init; }
    public int ExpectedMentions => Articles.Sum(a => a.Incidents.Count);

    /// <param name="articlesPerDay">Articles published per day, in order, from the first day; null: days at random over 2,400 days.</param>
    /// <param name="separateIncidents">
    /// Keep only articles whose incidents are new to the resolver, so every mention opens its own incident and
    /// exactly one alert follows each (fault tests). Costs a clustering per article: for small N only.
    /// </param>
    public static SyntheticCorpus Generate(int count, int seed, bool separateIncidents, double nearDuplicateThreshold = 0.8, int? articlesPerDay = null)
    {
        var extractor = IncidentExtractor.Load();
        var material = SeedMaterial.Load(extractor);
        var random = new Random(seed);
        var resolver = new IncidentResolver();
        var copies = new NearDuplicateIndex(nearDuplicateThreshold);
        var hashes = new HashSet<string>();
        var articles = new List<SyntheticArticle>(count);
        var mentions = new List<IncidentMention>();
        for (var attempt = 0; articles.Count < count; attempt++)
        {
            if (attempt > count * 20) throw new InvalidOperationException($"Only {articles.Count} of {count} distinct articles after {attempt} attempts");
            var published = FirstDay.AddDays(articlesPerDay is { } perDay ? articles.Count / perDay : random.Next(Days));
            var text = Compose(material, random);
            var incidents = extractor.Extract(text, published);
            if (incidents.Count == 0) continue;
            var signature = ArticleFingerprint.MinHashSignature(text);
            if (!hashes.Add(ArticleFingerprint.ContentHash(text)) || copies.FindNearDuplicate(signature) is not null) continue;
            // One article id for all of an article's mentions: the resolver never merges two mentions of one article.
            var articleId = Guid.NewGuid();
            var articleMentions = incidents.Select(x => x.ToMention(Guid.NewGuid(), articleId, "synthetic", published)).ToList();
            if (separateIncidents && resolver.Cluster(mentions.Concat(articleMentions)).Count != mentions.Count + articleMentions.Count) continue;
            copies.Add(Guid.NewGuid(), signature);
            mentions.AddRange(articleMentions);
            var slug = $"a{articles.Count:D6}";
            var title = $"تقرير {articles.Count + 1}: " + string.Join(' ', incidents[0].Evidence.Text.Split(' ').Take(8));
            articles.Add(new SyntheticArticle(new FeedArticle(slug, title, published.ToDateTime(new TimeOnly(9, 0)).ToDateTimeOffset3(), text), published, incidents));
        }
        return new SyntheticCorpus { Articles = articles, ExpectedIncidents = resolver.Cluster(mentions).Count };
    }

    /// <summary>Two to four background sentences around one or two incident sentences with new places and numbers.</summary>
    private static string Compose(SeedMaterial material, Random random)
    {
        var sentences = Enumerable.Range(0, random.Next(2, 5)).Select(_ => Pick(material.BackgroundSentences, random)).ToList();
        for (var i = random.Next(1, 3); i > 0; i--)
            sentences.Insert(random.Next(sentences.Count + 1), Vary(Pick(material.IncidentSentences, random), material, random));
        return string.Join('\n', sentences).Trim();
    }

    private static string Vary(string sentence, SeedMaterial material, Random random)
    {
        var text = new StringBuilder(sentence);
        foreach (var name in material.PlaceNames.Where(sentence.Contains).Take(2))
            text.Replace(name, Pick(material.PlaceNames, random));
        return Number().Replace(text.ToString(), m => m.Value.Length >= 4 ? m.Value : random.Next(2, 28).ToString());
    }

    private static T Pick<T>(IReadOnlyList<T> list, Random random) => list[random.Next(list.Count)];

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();
}

internal static class BaghdadTime
{
    /// <summary>A local time in Baghdad (UTC+3): the FeedWorker files «أمس» and undated incidents under that day.</summary>
    public static DateTimeOffset ToDateTimeOffset3(this DateTime local) => new(local, TimeSpan.FromHours(3));
}
