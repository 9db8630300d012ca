namespace Ingestion.Feeds;

public sealed class FeedFetcherOptions
{
    /// <summary>Lets requests reach private/loopback addresses. Off in production; tests turn it on for 127.0.0.1.</summary>
    public bool AllowPrivateAddresses { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Cap on the decompressed body; counted while streaming so a gzip bomb stops early.</summary>
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxRedirects { get; set; } = 5;
    public string UserAgent { get; set; } = "IngestionBot/1.0 (+https://github.com/ingestion-platform/ingestion)";
    public int PerHostConcurrency { get; set; } = 2;
    public TimeSpan PerHostMinDelay { get; set; } = TimeSpan.FromSeconds(1);
}

public sealed record ConditionalHeaders(string? ETag, string? LastModified);

public enum FetchOutcome
{
    Ok,
    NotModified,
    HttpError,
    /// <summary>The SSRF guard refused the destination (private/loopback/... address or non-http scheme).</summary>
    Refused,
    TooLarge,
    Timeout,
    NetworkError,
    TooManyRedirects,
}

public sealed record FetchResult(
    FetchOutcome Outcome,
    int? StatusCode,
    byte[] Body,
    string? ContentType,
    Uri FinalUrl,
    string? ETag,
    string? LastModified,
    TimeSpan? RetryAfter,
    TimeSpan? MaxAge,
    string? Error)
{
    public bool IsSuccess => Outcome == FetchOutcome.Ok;

    internal static FetchResult Failure(FetchOutcome outcome, Uri url, string error, int? status = null, TimeSpan? retryAfter = null) =>
        new(outcome, status, Array.Empty<byte>(), null, url, null, null, retryAfter, null, error);
}
