using System.CommandLine;
using Ingestion.Cli;
using Ingestion.FeedWorker.Tests.Support;
using Ingestion.Testing;

namespace Ingestion.FeedWorker.Tests;

/// <summary>`ingest feeds list|add|disable|enable --api URL` against a running FeedWorker.</summary>
public sealed class FeedsCliTests
{
    [Fact]
    public async Task The_cli_adds_lists_disables_and_enables_a_feed_and_reports_api_errors()
    {
        await using var broker = await RabbitMqVirtualHost.CreateAsync("feeds-cli");
        await using var database = new PostgresTestDatabase("feeds_cli");
        await using var host = await WorkerHosts.StartAsync(WorkerHosts.Settings(broker, database));
        var api = host.BaseAddress.ToString();

        var add = await IngestAsync("feeds", "add", "https://news.example/rss.xml", "--name", "أخبار", "--api", api);
        Assert.Equal(0, add.Exit);
        Assert.StartsWith("added ", add.Output, StringComparison.Ordinal);
        var id = (await host.FeedsAsync()).Single().Id;

        var disable = await IngestAsync("feeds", "disable", "https://news.example/rss.xml", "--api", api); // by URL
        Assert.Equal(0, disable.Exit);
        Assert.False((await host.FeedsAsync()).Single().Enabled);
        var list = await IngestAsync("feeds", "list", "--api", api);
        Assert.Contains($"{id}  disabled", list.Output, StringComparison.Ordinal);
        Assert.Contains("أخبار <https://news.example/rss.xml>", list.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await IngestAsync("feeds", "enable", id.ToString(), "--api", api)).Exit); // by id
        Assert.True((await host.FeedsAsync()).Single().Enabled);

        var invalid = await IngestAsync("feeds", "add", "ftp://news.example/", "--api", api);
        Assert.Equal(1, invalid.Exit);
        Assert.Contains("HTTP 400 Invalid feed; url: An absolute http(s) URL", invalid.Error, StringComparison.Ordinal);
        var unknown = await IngestAsync("feeds", "disable", Guid.Empty.ToString(), "--api", api);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("HTTP 404 Unknown feed", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_says_when_the_api_cannot_be_reached()
    {
        var result = await IngestAsync("feeds", "list", "--api", "http://127.0.0.1:9/");

        Assert.Equal(1, result.Exit);
        Assert.Contains("cannot reach http://127.0.0.1:9/", result.Error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> IngestAsync(params string[] args)
    {
        var root = new RootCommand { FeedsCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
