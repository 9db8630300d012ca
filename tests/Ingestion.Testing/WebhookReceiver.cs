using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ingestion.Testing;

/// <summary>A real HTTP receiver on loopback that records every webhook it gets, headers and body.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public sealed record Received(string Id, long Timestamp, string Signature, string Body, string? TraceParent);

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The status the receiver answers with; tests switch it to simulate an outage.</summary>
    public int StatusCode { get; set; } = 204;

    /// <summary>
    /// How long the receiver takes to answer once it has recorded a webhook (a slow subscriber): a delivery is in
    /// flight meanwhile. Zero by default.
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    private readonly Lock gate = new();
    private (TaskCompletionSource<string> Taken, TimeSpan For)? hold;

    /// <summary>
    /// Records the next webhook like any other but answers it only after <paramref name="howLong"/>: the test
    /// knows a delivery is in flight, and which one (the task gives its webhook-id once it has arrived), e.g. to
    /// kill the sender before it learns the webhook arrived.
    /// </summary>
    public Task<string> HoldNextAsync(TimeSpan howLong)
    {
        var taken = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate) hold = (taken, howLong);
        return taken.Task;
    }

    public string Url => app.Urls.First() + "/hook";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var status = receiver.StatusCode;
            var id = request.Headers["webhook-id"].ToString();
            (TaskCompletionSource<string> Taken, TimeSpan For)? held;
            lock (receiver.gate) (held, receiver.hold) = (receiver.hold, null);
            if (status < 300)
                receiver.Requests.Enqueue(new Received(id, long.Parse(request.Headers["webhook-timestamp"].ToString()),
                    request.Headers["webhook-signature"].ToString(), body, request.Headers["traceparent"].FirstOrDefault()));
            held?.Taken.TrySetResult(id);
            // Not cancelled when the sender goes away: what was recorded stays recorded, as at a real receiver.
            var delay = held?.For ?? receiver.Delay;
            if (delay > TimeSpan.Zero) await Task.Delay(delay);
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
