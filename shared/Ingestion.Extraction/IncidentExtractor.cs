using Ingestion.Extraction.Lexicon;
using Ingestion.Extraction.Semantics;

namespace Ingestion.Extraction;

/// <summary>
/// Reads Arabic news text into incidents: one attack or strike, at one place, on one day.
/// Load once (the dictionaries come from Data/*.json beside the assembly); Extract is thread-safe.
/// </summary>
public sealed class IncidentExtractor
{
    private readonly Dictionaries _dict;
    // The readers keep scratch lists between calls, so each thread needs its own (as it has its own scan):
    // one shared reader garbles incidents when consumers extract several articles at once.
    private readonly ThreadLocal<ArticleReader> _reader;
    [ThreadStatic] private static ArticleScan? t_scan;

    private IncidentExtractor(Dictionaries dict)
    {
        _dict = dict;
        _reader = new ThreadLocal<ArticleReader>(() => new ArticleReader(dict));
    }

    /// <summary>Loads places.json, actors.json and lexicon.json from <paramref name="dataDirectory"/> (default: Data beside this assembly).</summary>
    /// <exception cref="FileNotFoundException">A dictionary file is missing.</exception>
    /// <exception cref="InvalidDataException">A dictionary file is malformed.</exception>
    public static IncidentExtractor Load(string? dataDirectory = null)
    {
        var dir = dataDirectory ?? Path.Combine(AppContext.BaseDirectory, "Data");
        try
        {
            return new IncidentExtractor(Dictionaries.Load(dir));
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Extraction dictionaries in '{dir}' are malformed: {e.Message}", e);
        }
    }

    /// <summary>The incidents an article reports, merged within the article. Empty for empty or unrelated text.</summary>
    public IReadOnlyList<ExtractedIncident> Extract(string articleText, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(articleText);
        if (articleText.Length == 0) return [];
        var scan = t_scan ??= new ArticleScan();
        scan.Read(_dict, articleText);
        var mentions = _reader.Value!.Read(scan, published);
        if (mentions.Count == 0) return [];
        var groups = MentionMerger.Merge(mentions);
        var result = new ExtractedIncident[groups.Count];
        for (int i = 0; i < groups.Count; i++) result[i] = IncidentBuilder.Build(groups[i], scan, published);
        return result;
    }
}
