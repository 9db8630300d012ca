namespace Ingestion.Feeds.Benchmarks;

internal static class CorpusFiles
{
    public static string DefaultCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ingestion.sln")) || Directory.Exists(Path.Combine(dir.FullName, ".git")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "feed-corpus", "feedparser", "tests"));
        throw new DirectoryNotFoundException("repository root not found; pass the corpus folder as the first argument");
    }

    public static List<string> List(string corpus) =>
        Directory.EnumerateFiles(corpus, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
}
