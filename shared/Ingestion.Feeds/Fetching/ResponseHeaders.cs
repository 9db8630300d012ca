using System.Net.Http.Headers;

namespace Ingestion.Feeds;

internal static class ResponseHeaders
{
    /// <summary>Retry-After as delta-seconds or an HTTP date (relative to now; a past date means "now").</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var value = response.Headers.RetryAfter;
        if (value is null) return null;
        if (value.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (value.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        return null;
    }

    /// <summary>Cache-Control max-age (s-maxage preferred: we are a shared cache for every consumer of the feed).</summary>
    public static TimeSpan? MaxAge(HttpResponseMessage response)
    {
        CacheControlHeaderValue? cc = response.Headers.CacheControl;
        if (cc is null) return null;
        if (cc.NoStore || cc.NoCache) return TimeSpan.Zero;
        return cc.SharedMaxAge ?? cc.MaxAge;
    }

    public static string? ETag(HttpResponseMessage response) => response.Headers.ETag?.ToString();

    /// <summary>Echoed back byte for byte in If-Modified-Since, as RFC 9110 asks, so it is kept raw.</summary>
    public static string? LastModified(HttpResponseMessage response) =>
        response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null;

    public static string? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType?.ToString();
}
