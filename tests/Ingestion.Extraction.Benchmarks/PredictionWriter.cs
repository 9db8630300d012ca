using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ingestion.Extraction.Benchmarks;

/// <summary>
/// Writes the scorer's prediction shape for the seed articles, so extraction quality can be measured with
/// score_incidents.py. Event ids are per incident (cross-article resolution belongs to the resolver).
/// </summary>
public static class PredictionWriter
{
    public static void Write(string path)
    {
        var extractor = IncidentExtractor.Load();
        var articles = SeedCorpus.Load().Select(a => new
        {
            file = a.File,
            incidents = extractor.Extract(a.Text, a.Published).Select((i, n) => new
            {
                @event = $"{Path.GetFileNameWithoutExtension(a.File)}#{n}",
                kind = i.Kind,
                date = i.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                date_precision = i.DatePrecision,
                place = i.Place is null ? null : new { name = i.Place.Name, country = i.Place.Country, lat = i.Place.Lat, lon = i.Place.Lon, precision = i.Place.Precision },
                attacker = i.Attacker, target = i.Target, killed = i.Killed, wounded = i.Wounded,
                intercepted = i.Intercepted, claimed_by = i.ClaimedBy, denials = i.Denials, confidence = i.Confidence,
                evidence = i.Evidence.Text,
            }),
        });
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(path, JsonSerializer.Serialize(articles, options));
        Console.WriteLine($"wrote {path}");
    }
}
