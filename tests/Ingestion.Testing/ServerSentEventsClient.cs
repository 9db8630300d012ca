using System.Collections.Concurrent;
using System.Text;

namespace Ingestion.Testing;

/// <summary>A dashboard's view of a server-sent events stream: reads events in the background until disposed.</summary>
public sealed class ServerSentEventsClient : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly HttpClient http;
    private Task reading = Task.CompletedTask;

    private ServerSentEventsClient(HttpClient http) => this.http = http;

    public sealed record Event(string? Id, string Type, string Data);

    public ConcurrentQueue<Event> Events { get; } = new();

    /// <summary>Connects and returns once the response headers arrived (the server is then listening).</summary>
    public static async Task<ServerSentEventsClient> ConnectAsync(Uri url, IDictionary<string, string>? headers = null)
    {
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) http.DefaultRequestHeaders.Add(name, value);
        var client = new ServerSentEventsClient(http);
        var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, client.stop.Token);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(client.stop.Token);
        // Wait for the first line (the server's greeting comment): from then on no event can be missed.
        var reader = new StreamReader(stream, Encoding.UTF8);
        await reader.ReadLineAsync(client.stop.Token);
        client.reading = client.ReadAsync(reader, response);
        return client;
    }

    private async Task ReadAsync(StreamReader reader, HttpResponseMessage response)
    {
        string? id = null, type = null;
        var data = new StringBuilder();
        try
        {
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length > 0) Events.Enqueue(new Event(id, type ?? "message", data.ToString()));
                    (id, type) = (null, null);
                    data.Clear();
                }
                else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
                else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Append(line[6..]);
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        finally { response.Dispose(); }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await reading;
        http.Dispose();
        stop.Dispose();
    }
}
