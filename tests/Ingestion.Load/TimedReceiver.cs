using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ingestion.Load;

/// <summary>A webhook receiver on loopback that notes when each alert arrived and which incident it was about.</summary>
public sealed class TimedReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private TimedReceiver(WebApplication app) => this.app = app;

    public sealed record Arrival(string WebhookId, string Type, Guid IncidentId, DateTimeOffset At);

    public ConcurrentQueue<Arrival> Arrivals { get; } = new();

    public string Url => app.Urls.First() + "/hook";

    public static async Task<TimedReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new TimedReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            var at = DateTimeOffset.UtcNow;
            using var body = await JsonDocument.ParseAsync(request.Body);
            receiver.Arrivals.Enqueue(new Arrival(request.Headers["webhook-id"].ToString(), body.RootElement.GetProperty("type").GetString() ?? "",
                body.RootElement.GetProperty("incident").GetProperty("incidentId").GetGuid(), at));
            return Results.NoContent();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
