namespace Ingestion.Feeds.Tests.Support;

internal static class Fixture
{
    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures(), relative));

    public static ParsedFeed Parse(string relative, string? contentType = null, string? url = null) =>
        FeedParser.Parse(Bytes(relative), contentType, url is null ? null : new Uri(url));
}
