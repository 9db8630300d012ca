using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ingestion.Feeds;

namespace Ingestion.Cli;

/// <summary>ingest feed parse FILE_OR_URL --json: the parsed feed, for comparison with other parsers.</summary>
public static class FeedCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("file-or-url") { Description = "A feed file, or an http(s) URL to fetch" };
        var json = new Option<bool>("--json") { Description = "Print JSON (the only format so far)" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow fetching loopback and private addresses" };
        var parse = new Command("parse", "Parse an RSS, RDF or Atom feed") { source, json, allowPrivate };
        parse.SetAction((result, ct) => RunAsync(result.GetValue(source)!, result.GetValue(allowPrivate), ct));
        return new Command("feed", "Feed tools") { parse };
    }

    private static async Task<int> RunAsync(string source, bool allowPrivate, CancellationToken ct)
    {
        byte[] body;
        string? contentType = null;
        Uri? baseUrl = null;
        if (Uri.TryCreate(source, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            var fetch = await new SafeFetcher(new FeedFetcherOptions { AllowPrivateAddresses = allowPrivate }).FetchAsync(url, null, ct);
            if (!fetch.IsSuccess)
            {
                await Console.Error.WriteLineAsync($"ingest feed parse: {fetch.Outcome}: {fetch.Error}");
                return 1;
            }
            (body, contentType, baseUrl) = (fetch.Body, fetch.ContentType, fetch.FinalUrl);
        }
        else if (File.Exists(source)) (body, baseUrl) = (await File.ReadAllBytesAsync(source, ct), new Uri(Path.GetFullPath(source)));
        else
        {
            await Console.Error.WriteLineAsync($"ingest feed parse: '{source}' is neither a file nor an http(s) URL");
            return 2;
        }
        var feed = FeedParser.Parse(body, contentType, baseUrl);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            title = feed.Title, link = feed.Link, format = feed.Format, encoding = feed.Encoding, malformed = feed.Malformed, error = feed.Error,
            items = feed.Items.Select(i => new
            {
                title = i.Title, link = i.Link, id = i.Id, published = Iso(i.Published), updated = Iso(i.Updated),
                summary = i.Summary, content = i.Content, author = i.Author,
            }),
        }, ExtractCommand.Json));
        return feed.Items.Count == 0 && feed.Error is not null ? 1 : 0;
    }

    private static string? Iso(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
