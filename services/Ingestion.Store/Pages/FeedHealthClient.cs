using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Ingestion.Store.Pages;

/// <summary>Reads feed health from the FeedWorker's GET /feeds, server-side, so the browser needs to reach only the Store.</summary>
public sealed partial class FeedHealthClient(HttpClient http, IOptions<OperatorPageOptions> options, ILogger<FeedHealthClient> logger)
{
    public bool Configured => options.Value.FeedWorkerUrl is not null;

    /// <summary>The FeedWorker's feed list as JSON, or null when it cannot be read (logged).</summary>
    public async Task<JsonElement?> GetFeedsAsync(CancellationToken ct)
    {
        var url = new Uri(options.Value.FeedWorkerUrl!, "/feeds");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.FeedWorkerTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, timeout.Token);
            response.EnsureSuccessStatusCode();
            var feeds = await JsonSerializer.DeserializeAsync<JsonElement>(await response.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
            if (feeds.ValueKind == JsonValueKind.Array) return feeds;
            LogUnreadable(url, "not a JSON array");
        }
        catch (Exception error) when (error is HttpRequestException or JsonException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            LogUnreadable(url, error.Message);
        }
        return null;
    }

    [LoggerMessage(LogLevel.Warning, "Feed health unavailable from {Url}: {Reason}")]
    private partial void LogUnreadable(Uri url, string reason);
}
