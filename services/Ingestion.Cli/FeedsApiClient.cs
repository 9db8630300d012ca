using System.Net.Http.Json;
using System.Text.Json;

namespace Ingestion.Cli;

/// <summary>The FeedWorker's feed API as the CLI uses it; failures come back as a message, never as an exception.</summary>
public sealed class FeedsApiClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Feed(Guid Id, string Url, string Name, bool Enabled, bool Healthy, DateTimeOffset? LastPolledAt,
        DateTimeOffset? LastSuccessAt, string? LastError, int ConsecutiveErrors, long ItemsSeen, DateTimeOffset NextPollAt);

    public sealed record Answer<T>(T? Value, string? Error);

    public Task<Answer<List<Feed>>> ListAsync(CancellationToken ct) => SendAsync<List<Feed>>(new HttpRequestMessage(HttpMethod.Get, "feeds"), ct);

    public Task<Answer<Feed>> AddAsync(string url, string? name, CancellationToken ct) =>
        SendAsync<Feed>(new HttpRequestMessage(HttpMethod.Post, "feeds") { Content = JsonContent.Create(new { url, name }) }, ct);

    /// <summary>Enables or disables a feed given by id or by URL.</summary>
    public async Task<Answer<Feed>> SetEnabledAsync(string idOrUrl, bool enabled, CancellationToken ct)
    {
        var id = idOrUrl;
        if (!Guid.TryParse(idOrUrl, out _))
        {
            var list = await ListAsync(ct);
            if (list.Value is null) return new(null, list.Error);
            var match = list.Value.FirstOrDefault(f => string.Equals(f.Url, idOrUrl, StringComparison.Ordinal)
                || (Uri.TryCreate(idOrUrl, UriKind.Absolute, out var u) && f.Url == u.AbsoluteUri));
            if (match is null) return new(null, $"no feed has the id or URL '{idOrUrl}'");
            id = match.Id.ToString();
        }
        return await SendAsync<Feed>(new HttpRequestMessage(HttpMethod.Post, $"feeds/{Uri.EscapeDataString(id)}/{(enabled ? "enable" : "disable")}"), ct);
    }

    private async Task<Answer<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request, ct);
                if (response.IsSuccessStatusCode) return new(await response.Content.ReadFromJsonAsync<T>(Json, ct), null);
                return new(default, await ProblemTextAsync(response, ct));
            }
            catch (HttpRequestException error)
            {
                return new(default, $"cannot reach {http.BaseAddress}: {error.Message}");
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                return new(default, $"{http.BaseAddress} did not answer within {http.Timeout.TotalSeconds:0} s");
            }
        }
    }

    /// <summary>An RFC 9457 problem as one line: status, title, detail and each field error.</summary>
    private static async Task<string> ProblemTextAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = $"HTTP {(int)response.StatusCode}";
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = problem.RootElement;
            if (root.TryGetProperty("title", out var title)) text += $" {title.GetString()}";
            if (root.TryGetProperty("detail", out var detail)) text += $": {detail.GetString()}";
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                foreach (var field in errors.EnumerateObject())
                    text += $"; {field.Name}: {string.Join(" ", field.Value.EnumerateArray().Select(e => e.GetString()))}";
        }
        catch (JsonException) { /* not a problem document: the status says enough */ }
        return text;
    }
}
