using System.Net;
using Ingestion.Operator.Tests.Platform;
using Ingestion.Testing;

namespace Ingestion.Operator.Tests.Browser;

/// <summary>The feed-health page: read from the FeedWorker server-side, or plainly not configured, or plainly unreachable.</summary>
[Collection(SeedPlatformCollection.Name)]
public sealed class FeedHealthPageTests(SeedPlatform platform)
{
    [Fact]
    public async Task Feed_health_page_lists_the_FeedWorkers_feeds_with_their_state()
    {
        var page = await RenderedPage.LoadAsync(new Uri(platform.Host.BaseAddress, "/ops/feeds"), "feeds");
        Assert.Equal("true", page.Ready);
        var row = Assert.Single(page.All("#feeds tbody tr"), r => r.GetAttribute("data-feed-url")!.EndsWith("/seed-feed.xml", StringComparison.Ordinal));
        Assert.Equal("healthy", row.GetAttribute("data-state"));
        Assert.Contains("Seed feed", row.TextContent);
    }

    [Fact]
    public async Task Without_a_FeedWorker_url_the_page_says_feed_health_is_not_configured()
    {
        await using var store = await StoreOnlyAsync(null);
        var page = await RenderedPage.LoadAsync(new Uri(store.Host.BaseAddress, "/ops/feeds"), "feeds-not-configured");
        Assert.Equal("not-configured", page.Ready);
        Assert.Contains("not configured", page.Status);
    }

    [Fact]
    public async Task An_unreachable_FeedWorker_is_a_502_problem_and_an_error_on_the_page()
    {
        await using var store = await StoreOnlyAsync("http://127.0.0.1:1/");
        using var http = store.Host.CreateClient();
        using var response = await http.GetAsync("/ops/api/feed-health");
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var page = await RenderedPage.LoadAsync(new Uri(store.Host.BaseAddress, "/ops/feeds"), "feeds-unreachable");
        Assert.Equal("error", page.Ready);
        Assert.Contains("Could not load feed health", page.Status);
        Assert.Contains("FeedWorker did not answer", page.Status);
    }

    [Fact]
    public async Task An_empty_store_still_draws_the_outline_map_and_says_there_are_no_incidents()
    {
        await using var store = await StoreOnlyAsync(null);
        var page = await RenderedPage.LoadAsync(new Uri(store.Host.BaseAddress, "/ops"), "incidents-empty");
        Assert.Equal("true", page.Ready);
        Assert.Equal(9, page.All("svg.map path.country").Count);
        Assert.Empty(page.All("svg.map a[data-incident-id]"));
        Assert.StartsWith("0 incident(s)", page.Status);
    }

    private static async Task<StoreOnly> StoreOnlyAsync(string? feedWorkerUrl)
    {
        var folder = Directory.CreateTempSubdirectory("ingestion-operator-store").FullName;
        var host = await SeedPlatform.StartAsync(folder, withFeedWorker: false, new Dictionary<string, string?> { ["Store:FeedWorkerUrl"] = feedWorkerUrl });
        return new StoreOnly(host, folder);
    }

    private sealed record StoreOnly(ServiceTestHost Host, string Folder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
