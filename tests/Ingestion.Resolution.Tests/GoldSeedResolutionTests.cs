using System.Text.Json;
using Ingestion.Resolution;

namespace Ingestion.Resolution.Tests;

/// <summary>The analysts' incidents of the five seed articles: clustering must reproduce their event keys exactly.</summary>
public class GoldSeedResolutionTests
{
    private static List<(string Event, IncidentMention Mention)> LoadGold()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "gold.json")));
        var result = new List<(string, IncidentMention)>();
        int n = 0, articleNumber = 0;
        foreach (var article in doc.RootElement.EnumerateArray())
        {
            string file = article.GetProperty("file").GetString()!;
            var articleId = Mentions.IdFrom(1_000_000 + ++articleNumber);
            var published = DateOnly.Parse(article.GetProperty("published").GetString()!);
            foreach (var inc in article.GetProperty("incidents").EnumerateArray())
            {
                var p = inc.GetProperty("place");
                var place = new MentionPlace(null, p.GetProperty("name").GetString()!, p.GetProperty("country").GetString()!,
                    p.GetProperty("lat").GetDouble(), p.GetProperty("lon").GetDouble(), p.GetProperty("precision").GetString()!);
                var date = inc.GetProperty("date").ValueKind == JsonValueKind.Null ? (DateOnly?)null : DateOnly.Parse(inc.GetProperty("date").GetString()!);
                int tolerance = inc.TryGetProperty("date_tolerance_days", out var t) ? t.GetInt32() : 1;
                var mention = new IncidentMention(Mentions.IdFrom(++n), articleId, file[..3], published,
                    inc.GetProperty("kind").GetString()!, date, tolerance, place,
                    Str(inc, "attacker"), Str(inc, "target"), Int(inc, "killed"), Int(inc, "wounded"),
                    inc.GetProperty("intercepted").GetBoolean(), null, [], 1.0, inc.GetProperty("event").GetString()!);
                result.Add((inc.GetProperty("event").GetString()!, mention));
            }
        }
        return result;
    }

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();
    private static int? Int(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt32();

    [Fact]
    public void Clusters_of_the_seed_mentions_equal_the_gold_events()
    {
        var gold = LoadGold();
        var clusters = new IncidentResolver().Cluster(gold.Select(g => g.Mention));
        var clusterOf = clusters.SelectMany(c => c.Mentions.Select(m => (m.MentionId, c.Key))).ToDictionary(x => x.MentionId, x => x.Key);

        var wrong = new List<string>();
        for (int i = 0; i < gold.Count; i++)
            for (int j = i + 1; j < gold.Count; j++)
            {
                bool sameGold = gold[i].Event == gold[j].Event;
                bool samePredicted = clusterOf[gold[i].Mention.MentionId] == clusterOf[gold[j].Mention.MentionId];
                if (sameGold != samePredicted) wrong.Add($"{gold[i].Event} / {gold[j].Event}: predicted same={samePredicted}");
            }
        Assert.Empty(wrong);
        Assert.Equal(gold.Select(g => g.Event).Distinct().Count(), clusters.Count);
    }
}
