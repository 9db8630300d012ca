namespace Ingestion.Feeds.Tests.Fetching;

internal static class FetcherFactory
{
    /// <summary>Loopback is private: tests allow it explicitly; no politeness delay so tests stay quick.</summary>
    public static SafeFetcher ForLoopback(Action<FeedFetcherOptions>? tweak = null)
    {
        var options = new FeedFetcherOptions
        {
            AllowPrivateAddresses = true,
            PerHostMinDelay = TimeSpan.Zero,
            PerHostConcurrency = 8,
            Timeout = TimeSpan.FromSeconds(15),
        };
        tweak?.Invoke(options);
        return new SafeFetcher(options);
    }
}
