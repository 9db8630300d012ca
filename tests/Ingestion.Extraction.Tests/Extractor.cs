namespace Ingestion.Extraction.Tests;

/// <summary>One extractor for all tests (loading is the expensive part), and helpers for one-incident sentences.</summary>
internal static class Extractor
{
    public static readonly DateOnly Monday = new(2024, 4, 22);
    private static readonly Lazy<IncidentExtractor> Shared = new(() => IncidentExtractor.Load());

    public static IncidentExtractor Instance => Shared.Value;

    public static IReadOnlyList<ExtractedIncident> All(string text, DateOnly? published = null) =>
        Instance.Extract(text, published ?? Monday);

    public static ExtractedIncident Single(string text, DateOnly? published = null)
    {
        var all = All(text, published);
        Assert.True(all.Count == 1, $"expected one incident, got {all.Count}: {string.Join("; ", all.Select(i => $"{i.Kind}@{i.Place?.Id}"))}");
        return all[0];
    }
}
