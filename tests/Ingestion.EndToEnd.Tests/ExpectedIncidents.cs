using System.Text.Json;
using Ingestion.Extraction;
using Ingestion.Resolution;
using Ingestion.Testing;

namespace Ingestion.EndToEnd.Tests;

/// <summary>
/// How many distinct incidents the seed articles hold according to the extractor and the batch resolver
/// (what `ingest extract` reports): the running pipeline must store exactly as many.
/// </summary>
public static class ExpectedIncidents
{
    public static int CountInSeeds()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestInfrastructure.SeedsDirectory, "manifest.json")));
        var extractor = IncidentExtractor.Load();
        var mentions = new List<IncidentMention>();
        foreach (var article in manifest.RootElement.GetProperty("articles").EnumerateArray())
        {
            var file = article.GetProperty("file").GetString()!;
            var published = DateOnly.Parse(article.GetProperty("published").GetString()!);
            var text = File.ReadAllText(Path.Combine(TestInfrastructure.SeedsDirectory, "articles", file));
            var articleId = Guid.NewGuid();
            mentions.AddRange(extractor.Extract(text, published).Select(x => new IncidentMention(
                Guid.NewGuid(), articleId, "seed", published, x.Kind, x.Date, x.DateToleranceDays,
                x.Place is { } p ? new MentionPlace(p.Id, p.Name, p.Country, p.Lat, p.Lon, p.Precision) : null,
                x.Attacker, x.Target, x.Killed, x.Wounded, x.Intercepted, x.ClaimedBy, x.Denials, x.Confidence, x.Evidence.Text)));
        }
        return new IncidentResolver().Cluster(mentions).Count;
    }
}
