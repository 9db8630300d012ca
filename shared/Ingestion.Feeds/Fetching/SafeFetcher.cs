using System.Net;
using System.Net.Sockets;

namespace Ingestion.Feeds;

/// <summary>
/// Fetches feeds and article pages safely: SSRF check on every resolved address (in the connect callback),
/// redirects followed by hand so each hop is checked, a streaming cap on the decompressed body, one overall
/// timeout, conditional GET, and per-host politeness. One instance per process: it owns its connection pool.
/// Never throws for network or server trouble; only the caller's own cancellation surfaces as an exception.
/// </summary>
public sealed class SafeFetcher : IDisposable
{
    private readonly FeedFetcherOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;
    private readonly HostGates _gates;

    public SafeFetcher(FeedFetcherOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _gates = new HostGates(options.PerHostConcurrency, options.PerHostMinDelay, _time);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), // pick up DNS changes; the connect check runs again
            ConnectTimeout = options.Timeout,
            UseProxy = false, // a proxy would connect on our behalf and defeat the address check
            ConnectCallback = AddressPolicy.GuardedConnect(_options.AllowPrivateAddresses),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<FetchResult> FetchAsync(Uri url, ConditionalHeaders? conditional, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var deadline = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        var current = url;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (!IsHttp(current)) return FetchResult.Failure(FetchOutcome.Refused, current, $"scheme '{current.Scheme}' is not allowed");
                if (!visited.Add(current.AbsoluteUri) && hop > 0)
                    return FetchResult.Failure(FetchOutcome.TooManyRedirects, current, $"redirect loop back to {current}");
                using var response = await SendAsync(current, conditional, linked.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && status != 304 && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects)
                        return FetchResult.Failure(FetchOutcome.TooManyRedirects, current, $"more than {_options.MaxRedirects} redirects", status);
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                return await CompleteAsync(response, current, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return FetchResult.Failure(FetchOutcome.Timeout, current, $"no complete response within {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refusal)
        {
            return FetchResult.Failure(FetchOutcome.Refused, current, refusal.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException or InvalidDataException or UriFormatException)
        {
            return FetchResult.Failure(FetchOutcome.NetworkError, current, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, ConditionalHeaders? conditional, CancellationToken ct)
    {
        using var gate = await _gates.EnterAsync(url.IdnHost, ct).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept",
            "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
        if (!string.IsNullOrEmpty(conditional?.ETag)) request.Headers.TryAddWithoutValidation("If-None-Match", conditional.ETag);
        if (!string.IsNullOrEmpty(conditional?.LastModified)) request.Headers.TryAddWithoutValidation("If-Modified-Since", conditional.LastModified);
        return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
    }

    private async Task<FetchResult> CompleteAsync(HttpResponseMessage response, Uri finalUrl, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var etag = ResponseHeaders.ETag(response);
        var lastModified = ResponseHeaders.LastModified(response);
        var maxAge = ResponseHeaders.MaxAge(response);
        var retryAfter = ResponseHeaders.RetryAfter(response, _time.GetUtcNow());
        var contentType = ResponseHeaders.ContentType(response);

        if (status == 304)
            return new FetchResult(FetchOutcome.NotModified, status, [], contentType, finalUrl, etag, lastModified, retryAfter, maxAge, null);
        if (status is < 200 or >= 300)
            return new FetchResult(FetchOutcome.HttpError, status, [], contentType, finalUrl, etag, lastModified, retryAfter, maxAge,
                $"HTTP {status} {response.ReasonPhrase}".TrimEnd());

        var body = await CappedBody.ReadAsync(response.Content, _options.MaxBodyBytes, ct).ConfigureAwait(false);
        if (body is null)
            return new FetchResult(FetchOutcome.TooLarge, status, [], contentType, finalUrl, etag, lastModified, retryAfter, maxAge,
                $"body larger than {_options.MaxBodyBytes} bytes (after decompression)");
        return new FetchResult(FetchOutcome.Ok, status, body, contentType, finalUrl, etag, lastModified, retryAfter, maxAge, null);
    }

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static AddressRefusedException? FindRefusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is AddressRefusedException refused) return refused;
        return null;
    }

    public void Dispose() => _client.Dispose();
}
