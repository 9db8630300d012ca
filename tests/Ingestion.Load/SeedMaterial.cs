using System.Text.Json;
using System.Text.RegularExpressions;
using Ingestion.Extraction;
using Ingestion.Testing;

namespace Ingestion.Load;

/// <summary>
/// What synthetic articles are built from: the seed articles' sentences, split into those that report an
/// incident (templates whose places and numbers get replaced) and the rest (background), and the Arabic names
/// of every non-country place in the gazetteer.
/// </summary>
public sealed partial class SeedMaterial
{
    public required IReadOnlyList<string> IncidentSentences { get; init; }
    public required IReadOnlyList<string> BackgroundSentences { get; init; }
    /// <summary>Arabic place names, longest first (so «قاعدة عين الأسد» is replaced before «عين الأسد»).</summary>
    public required IReadOnlyList<string> PlaceNames { get; init; }

    public static SeedMaterial Load(IncidentExtractor extractor)
    {
        var seeds = TestInfrastructure.SeedsDirectory;
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(seeds, "manifest.json")));
        var incident = new List<string>();
        var background = new List<string>();
        foreach (var article in manifest.RootElement.GetProperty("articles").EnumerateArray())
        {
            var published = DateOnly.Parse(article.GetProperty("published").GetString()!);
            var text = File.ReadAllText(Path.Combine(seeds, "articles", article.GetProperty("file").GetString()!));
            foreach (var sentence in SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length is >= 40 and <= 600))
                (extractor.Extract(sentence, published).Count > 0 ? incident : background).Add(sentence);
        }
        return new SeedMaterial { IncidentSentences = incident, BackgroundSentences = background, PlaceNames = LoadPlaceNames() };
    }

    private static List<string> LoadPlaceNames()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Data", "places.json");
        using var places = JsonDocument.Parse(File.ReadAllText(file));
        return places.RootElement.EnumerateArray()
            .Where(p => p.GetProperty("precision").GetString() != "country")
            .SelectMany(p => p.GetProperty("ar").EnumerateArray().Select(n => n.GetString()!))
            .Where(n => n.Length >= 3).Distinct().OrderByDescending(n => n.Length).ToList();
    }

    [GeneratedRegex(@"(?<=[.!؟?])\s+|\n+")]
    private static partial Regex SentenceBreak();
}
