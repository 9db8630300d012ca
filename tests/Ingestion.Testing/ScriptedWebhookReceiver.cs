using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ingestion.Testing;

/// <summary>
/// A real webhook receiver on loopback whose answer a test scripts per request (status, Retry-After,
/// a delay), recording every attempt with the answer it got, so a test can tell deliveries from retries.
/// </summary>
public sealed class ScriptedWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private ScriptedWebhookReceiver(WebApplication app) => this.app = app;

    public sealed record Reply(int Status, TimeSpan? RetryAfter = null, TimeSpan? Delay = null);

    public sealed record Attempt(string Id, long Timestamp, string Signature, string Body, int Status, DateTimeOffset At);

    /// <summary>Decides each reply; by default 204 at once.</summary>
    public Func<Attempt, Reply> Script { get; set; } = _ => new Reply(204);

    public ConcurrentQueue<Attempt> Attempts { get; } = new();

    /// <summary>The attempts answered with a 2xx, in the order they were answered.</summary>
    public List<Attempt> Accepted => Attempts.Where(a => a.Status is >= 200 and < 300).ToList();

    public string Url => app.Urls.First() + "/hook";

    public static async Task<ScriptedWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new ScriptedWebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request, HttpResponse response) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            long.TryParse(request.Headers["webhook-timestamp"].ToString(), out var timestamp);
            var attempt = new Attempt(request.Headers["webhook-id"].ToString(), timestamp, request.Headers["webhook-signature"].ToString(), body, 0, DateTimeOffset.UtcNow);
            var reply = receiver.Script(attempt);
            var abandoned = request.HttpContext.RequestAborted;
            if (reply.Delay is { } delay)
                try { await Task.Delay(delay, abandoned); }
                catch (OperationCanceledException) { }
            // A sender that gave up waiting (its timeout) never saw the answer: noted with status 0, not as accepted.
            receiver.Attempts.Enqueue(attempt with { Status = abandoned.IsCancellationRequested ? 0 : reply.Status, At = DateTimeOffset.UtcNow });
            if (reply.RetryAfter is { } after) response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString();
            response.StatusCode = reply.Status;
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
