namespace Ingestion.Feeds;

/// <summary>What <see cref="FeedParser.Parse"/> recovered from one feed document.</summary>
/// <param name="Format">rss, rdf, atom or unknown.</param>
/// <param name="Encoding">The character encoding the bytes were decoded with (lower-case name, e.g. utf-8, windows-1256).</param>
/// <param name="Malformed">The document was not well-formed (or not served as XML); whatever could be recovered is still returned.</param>
/// <param name="Error">Why the document is malformed or unreadable; null for a clean parse.</param>
public sealed record ParsedFeed(
    string? Title,
    string? Link,
    string? Description,
    string Format,
    string Encoding,
    bool Malformed,
    string? Error,
    IReadOnlyList<FeedItem> Items)
{
    /// <summary>RSS &lt;ttl&gt;, in minutes.</summary>
    public int? TtlMinutes { get; init; }

    /// <summary>sy:updatePeriod / sy:updateFrequency turned into minutes between updates.</summary>
    public int? UpdatePeriodMinutes { get; init; }

    /// <summary>The channel's own publication/update date, when present.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>
    /// The DOCTYPE declared entities refused as an attack (external, parameter or nested: XXE, billion laughs).
    /// Nothing was expanded; callers decide whether to trust the rest of such a document.
    /// </summary>
    public bool RefusedEntities { get; init; }

    /// <summary>Language declared by the feed (RSS language, dc:language or xml:lang).</summary>
    public string? Language { get; init; }

    internal static ParsedFeed Unreadable(string encoding, string error) =>
        new(null, null, null, "unknown", encoding, true, error, Array.Empty<FeedItem>());
}

/// <summary>One RSS item / Atom entry.</summary>
/// <param name="Published">Publication time normalised to UTC; <paramref name="PublishedRaw"/> keeps the text as written.</param>
public sealed record FeedItem(
    string? Id,
    string? Title,
    string? Link,
    DateTimeOffset? Published,
    string? PublishedRaw,
    DateTimeOffset? Updated,
    string? Summary,
    string? Content,
    string? Author)
{
    /// <summary>The update date as written in the feed (see <see cref="Updated"/> for the UTC value).</summary>
    public string? UpdatedRaw { get; init; }

    /// <summary>Image/video URLs from media:content, media:thumbnail and enclosures.</summary>
    public IReadOnlyList<string> MediaUrls { get; init; } = Array.Empty<string>();

    /// <summary>Categories / tags.</summary>
    public IReadOnlyList<string> Categories { get; init; } = Array.Empty<string>();
}
