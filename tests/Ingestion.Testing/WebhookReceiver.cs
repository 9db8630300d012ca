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
            if (receiver.StatusCode < 300)
                receiver.Requests.Enqueue(new Received(request.Headers["webhook-id"].ToString(), long.Parse(request.Headers["webhook-timestamp"].ToString()),
                    request.Headers["webhook-signature"].ToString(), body, request.Headers["traceparent"].FirstOrDefault()));
            return Results.StatusCode(receiver.StatusCode);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
