using System.Text.Json;

namespace Ingestion.Extraction.Benchmarks;

/// <summary>The seed articles and their publication dates, found by walking up to the repository root.</summary>
public static class SeedCorpus
{
    public sealed record Article(string File, string Text, DateOnly Published);

    public static string FindSeedsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(seeds, "manifest.json"))) return seeds;
        }
        throw new DirectoryNotFoundException("No seeds/manifest.json above " + AppContext.BaseDirectory);
    }

    public static IReadOnlyList<Article> Load()
    {
        var seeds = FindSeedsDirectory();
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(seeds, "manifest.json")));
        return manifest.RootElement.GetProperty("articles").EnumerateArray()
            .Select(a => new Article(
                a.GetProperty("file").GetString()!,
                File.ReadAllText(Path.Combine(seeds, "articles", a.GetProperty("file").GetString()!)),
                DateOnly.Parse(a.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }
}
