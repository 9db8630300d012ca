using System.Text.Json;

namespace Ingestion.Cli;

/// <summary>The shape of seeds/manifest.json: each article file with its publication date and outlet.</summary>
public sealed record Manifest(IReadOnlyList<ManifestArticle> Articles)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Manifest Load(string path) =>
        JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty manifest");

    public ManifestArticle? Find(string file) =>
        Articles.FirstOrDefault(a => string.Equals(a.File, Path.GetFileName(file), StringComparison.Ordinal));
}

public sealed record ManifestArticle(string File, DateOnly Published, string? Outlet);
