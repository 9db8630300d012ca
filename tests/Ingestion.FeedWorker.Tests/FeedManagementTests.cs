using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ingestion.FeedWorker.Api;
using Ingestion.FeedWorker.Tests.Support;
using Ingestion.Testing;

namespace Ingestion.FeedWorker.Tests;

/// <summary>Adding, listing, disabling and re-enabling feeds over the API, and the seed list loaded at every start.</summary>
public sealed class FeedManagementTests
{
    [Fact]
    public async Task A_disabled_feed_is_not_polled_and_an_enabled_one_is_polled_again()
    {
        await using var server = await RecordingFeedServer.StartAsync();
        server.MapFeed("/managed.xml", _ => Rss.Growing(server, "managed", 1));
        server.MapFeed("/control.xml", _ => Rss.Growing(server, "control", 1));
        await using var broker = await RabbitMqVirtualHost.CreateAsync("feeds-manage");
        await using var database = new PostgresTestDatabase("feeds_manage");
        await using var host = await WorkerHosts.StartAsync(WorkerHosts.Settings(broker, database).WithFeeds([(server.Url("/control.xml"), "control")]));
        using var client = host.CreateClient();

        var added = await client.PostAsJsonAsync("/feeds", new { url = server.Url("/managed.xml"), name = "managed" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var feed = (await added.Content.ReadFromJsonAsync<FeedView>())!;
        Assert.Equal(feed.Id, (await client.GetFromJsonAsync<FeedView>(added.Headers.Location!.ToString()))!.Id);
        await Eventually.ReturnsAsync(() => Task.FromResult(server.CountOf("/managed.xml")), n => n >= 2, TimeSpan.FromSeconds(60), "the added feed polled");

        var disabled = await client.PostAsync($"/feeds/{feed.Id}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.False((await disabled.Content.ReadFromJsonAsync<FeedView>())!.Enabled);
        var pollsWhenDisabled = server.CountOf("/managed.xml");
        var control = server.CountOf("/control.xml");
        await Eventually.ReturnsAsync(() => Task.FromResult(server.CountOf("/control.xml")), n => n >= control + 3, TimeSpan.FromSeconds(60), "the other feed polled on");
        Assert.True(server.CountOf("/managed.xml") <= pollsWhenDisabled + 1, "a disabled feed was polled again (one poll already under way is allowed)");
        Assert.False((await host.FeedsAsync()).Single(f => f.Id == feed.Id).Enabled);

        var enabled = await client.PostAsync($"/feeds/{feed.Id}/enable", null);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var pollsWhenEnabled = server.CountOf("/managed.xml");
        await Eventually.ReturnsAsync(() => Task.FromResult(server.CountOf("/managed.xml")), n => n > pollsWhenEnabled, TimeSpan.FromSeconds(60), "the re-enabled feed polled");
        Assert.Equal(1, (await host.FeedsAsync()).Single(f => f.Id == feed.Id).ItemsSeen); // its item was not collected twice
    }

    [Theory]
    [InlineData("""{ "url": "not a url" }""", "url")]
    [InlineData("""{ "url": "file:///etc/passwd" }""", "url")]
    [InlineData("""{ "url": "http://user:secret@news.example/rss" }""", "url")]
    [InlineData("""{ "name": "no url" }""", "url")]
    [InlineData("""{ "url": "https://news.example/rss", "name": "NAME_TOO_LONG" }""", "name")]
    public async Task An_invalid_feed_is_refused_with_a_problem_naming_the_field(string body, string field)
    {
        await using var fixture = await ApiFixture.StartAsync();
        using var client = fixture.Host.CreateClient();

        var response = await client.PostAsync("/feeds", new StringContent(body.Replace("NAME_TOO_LONG", new string('x', 300), StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(await fixture.Host.FeedsAsync());
    }

    [Fact]
    public async Task Unknown_feeds_answer_404_problems_and_a_known_url_409()
    {
        await using var fixture = await ApiFixture.StartAsync();
        using var client = fixture.Host.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/feeds", new { url = "https://news.example/rss" })).StatusCode);

        foreach (var path in new[] { $"/feeds/{Guid.NewGuid()}/disable", $"/feeds/{Guid.NewGuid()}/enable", "/feeds/not-an-id/disable" })
        {
            var response = await client.PostAsync(path, null);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/feeds/{Guid.NewGuid()}")).StatusCode);
        var again = await client.PostAsJsonAsync("/feeds", new { url = "https://news.example/rss" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await fixture.Host.FeedsAsync());
    }

    [Fact]
    public async Task The_seed_list_loaded_by_replicas_starting_together_and_again_later_adds_each_feed_once()
    {
        var seedsFile = Path.Combine(TestInfrastructure.SeedsDirectory, "feeds.json");
        var seedCount = System.Text.Json.JsonDocument.Parse(File.ReadAllText(seedsFile)).RootElement.GetProperty("feeds").GetArrayLength();
        await using var broker = await RabbitMqVirtualHost.CreateAsync("feeds-seeds");
        await using var database = new PostgresTestDatabase("feeds_seeds");
        var settings = WorkerHosts.Settings(broker, database);
        settings["FeedWorker:FeedsFile"] = seedsFile;
        settings["FeedWorker:Fetcher:AllowPrivateAddresses"] = "false"; // the seed URLs are outlets' own; nothing private to reach

        var first = await Task.WhenAll(WorkerHosts.StartAsync(settings), WorkerHosts.StartAsync(settings));
        var afterFirstStart = await first[0].FeedsAsync();
        foreach (var host in first) await host.DisposeAsync();
        await using var restarted = await WorkerHosts.StartAsync(settings);
        var afterRestart = await restarted.FeedsAsync();

        Assert.Equal(seedCount, afterFirstStart.Count);
        Assert.Equal(seedCount, afterRestart.Count);
        Assert.Equal(afterFirstStart.Select(f => f.Id).Order(), afterRestart.Select(f => f.Id).Order());
    }

    /// <summary>A FeedWorker with no feeds, for API-only tests.</summary>
    private sealed class ApiFixture : IAsyncDisposable
    {
        private RabbitMqVirtualHost broker = null!;
        private readonly PostgresTestDatabase database = new("feeds_api");

        public ServiceTestHost Host { get; private set; } = null!;

        public static async Task<ApiFixture> StartAsync()
        {
            var fixture = new ApiFixture { broker = await RabbitMqVirtualHost.CreateAsync("feeds-api") };
            fixture.Host = await WorkerHosts.StartAsync(WorkerHosts.Settings(fixture.broker, fixture.database));
            return fixture;
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await broker.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}
