using System.Text.Json;
using Ingestion.Alerting;
using Ingestion.Alerting.Delivery;
using Microsoft.Extensions.FileProviders;

namespace Ingestion.AllInOne;

/// <summary>
/// What makes the embedded mode run with no internet: the seed feed and articles served at /seeds, and a
/// webhook receiver at /demo/webhook that checks each alert's signature and prints it.
/// </summary>
public static partial class DemoEndpoints
{
    public static WebApplication MapDemoEndpoints(this WebApplication app)
    {
        var seeds = app.Configuration["Demo:SeedsDirectory"] ?? FindSeeds(app.Environment.ContentRootPath);
        if (seeds is not null)
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.GetFullPath(seeds)), RequestPath = "/seeds" });

        var secret = app.Configuration["Demo:WebhookSecret"];
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Alerts");
        app.MapPost("/demo/webhook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var signed = secret is not null && long.TryParse(request.Headers["webhook-timestamp"], out var ts)
                && WebhookSignature.Verify(secret, request.Headers["webhook-id"].ToString(), ts, body, request.Headers["webhook-signature"].ToString());
            if (!signed) return Results.Problem(statusCode: 401, title: "Bad webhook signature");
            var alert = JsonSerializer.Deserialize<AlertPayload>(body, AlertPayload.Json)!;
            var i = alert.Incident;
            LogAlert(logger, alert.Type, i.Kind, i.Place?.Name ?? "?", i.Date?.ToString("yyyy-MM-dd") ?? "date unknown",
                i.Killed?.ToString() ?? "-", i.Wounded?.ToString() ?? "-", i.ArticleCount, string.Join(",", alert.Changes), alert.Link);
            return Results.NoContent();
        });
        return app;
    }

    /// <summary>The repository's seeds/ folder, found by walking up from the content root.</summary>
    private static string? FindSeeds(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(candidate, "seed-feed.xml"))) return candidate;
        }
        return null;
    }

    [LoggerMessage(LogLevel.Information, "ALERT {Type}: {Kind} at {Place} on {Date}, killed {Killed}, wounded {Wounded}, {Articles} article(s) {Changes} -> {Link}")]
    private static partial void LogAlert(ILogger logger, string type, string kind, string place, string date, string killed, string wounded, int articles, string changes, string link);
}
