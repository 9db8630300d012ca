namespace Ingestion.Feeds.Tests.Support;

/// <summary>Finds the repository root and the shared corpus beside it (../shared in CI and here).</summary>
internal static class RepoPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ingestion.sln")) || Directory.Exists(Path.Combine(dir.FullName, ".git")))
                return dir.FullName;
        throw new DirectoryNotFoundException("repository root (Ingestion.sln or .git) not found above " + AppContext.BaseDirectory);
    }

    public static string FeedCorpus() => Path.GetFullPath(Path.Combine(Root(), "..", "shared", "feed-corpus", "feedparser"));

    public static string Fixtures() => Path.Combine(Root(), "tests", "fixtures", "feeds");

    public static string Seeds() => Path.Combine(Root(), "seeds", "articles");
}
