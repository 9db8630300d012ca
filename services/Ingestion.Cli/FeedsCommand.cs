using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Ingestion.Cli;

/// <summary>ingest feeds list|add|disable|enable --api URL: manage the feeds a FeedWorker polls, over its HTTP API.</summary>
public static class FeedsCommand
{
    public const string DefaultApi = "http://localhost:8080";

    public static Command Create()
    {
        var api = new Option<string>("--api")
        {
            Description = $"Base URL of a FeedWorker (default: $INGEST_FEEDWORKER_API or {DefaultApi})",
            Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("INGEST_FEEDWORKER_API") ?? DefaultApi,
        };
        var json = new Option<bool>("--json") { Description = "Print the feeds as JSON" };
        var list = new Command("list", "List feeds with their health") { json };
        list.SetAction((parse, ct) => RunAsync(parse, api, async (client, output) =>
        {
            var answer = await client.ListAsync(ct);
            if (answer.Value is { } feeds) await output.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(feeds, ExtractCommand.Json) : Table(feeds));
            return answer.Error;
        }));

        var url = new Argument<string>("url") { Description = "The feed's http(s) URL" };
        var name = new Option<string?>("--name") { Description = "Display name (default: the feed's own title)" };
        var add = new Command("add", "Add a feed") { url, name };
        add.SetAction((parse, ct) => RunAsync(parse, api, async (client, output) =>
        {
            var answer = await client.AddAsync(parse.GetValue(url)!, parse.GetValue(name), ct);
            if (answer.Value is { } feed) await output.WriteLineAsync($"added {feed.Id} {feed.Url}");
            return answer.Error;
        }));

        return new Command("feeds", "Manage the feeds a FeedWorker polls") { api, list, add, Toggle("disable", false, api), Toggle("enable", true, api) };
    }

    private static Command Toggle(string verb, bool enabled, Option<string> api)
    {
        var feed = new Argument<string>("feed") { Description = "The feed's id or URL" };
        var command = new Command(verb, enabled ? "Poll a disabled feed again" : "Stop polling a feed (it is kept, with its history)") { feed };
        command.SetAction((parse, ct) => RunAsync(parse, api, async (client, output) =>
        {
            var answer = await client.SetEnabledAsync(parse.GetValue(feed)!, enabled, ct);
            if (answer.Value is { } f) await output.WriteLineAsync($"{verb}d {f.Id} {f.Url}");
            return answer.Error;
        }));
        return command;
    }

    /// <summary>Runs one API call; prints its error to stderr with exit code 1.</summary>
    private static async Task<int> RunAsync(ParseResult parse, Option<string> api, Func<FeedsApiClient, TextWriter, Task<string?>> call)
    {
        if (!Uri.TryCreate(parse.GetValue(api), UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"ingest feeds: --api '{parse.GetValue(api)}' is not an http(s) URL");
            return 2;
        }
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        var error = await call(new FeedsApiClient(http), parse.InvocationConfiguration.Output);
        if (error is null) return 0;
        await parse.InvocationConfiguration.Error.WriteLineAsync($"ingest feeds: {error}");
        return 1;
    }

    private static string Table(List<FeedsApiClient.Feed> feeds)
    {
        var lines = new List<string> { $"{"ID",-36}  {"STATE",-8}  {"ERRORS",6}  {"ITEMS",6}  {"LAST SUCCESS",-20}  NAME / URL / LAST ERROR" };
        foreach (var f in feeds)
        {
            var state = !f.Enabled ? "disabled" : f.Healthy ? "ok" : "failing";
            var success = f.LastSuccessAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "never";
            lines.Add($"{f.Id,-36}  {state,-8}  {f.ConsecutiveErrors,6}  {f.ItemsSeen,6}  {success,-20}  {f.Name} <{f.Url}>" + (f.LastError is null ? "" : $" — {f.LastError}"));
        }
        lines.Add($"{feeds.Count} feeds, {feeds.Count(f => f.Enabled && !f.Healthy)} failing, {feeds.Count(f => !f.Enabled)} disabled");
        return string.Join(Environment.NewLine, lines);
    }
}
