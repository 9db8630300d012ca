using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using Ingestion.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingestion.ServiceDefaults.Telemetry;

/// <summary>
/// Reads every queue's backlog from the RabbitMQ management API on a timer and hands it to the
/// ingestion.queue.depth gauge. The API is polled rather than queried per scrape so a slow broker
/// never stalls the metrics export.
/// </summary>
public sealed partial class QueueDepthPoller(HttpClient http, IOptions<QueueDepthOptions> options, IConfiguration configuration,
    TimeProvider time, ILogger<QueueDepthPoller> logger) : BackgroundService
{
    public static void AddTo(IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{QueueDepthOptions.Section}:ManagementUrl"])) return;
        builder.Services.Configure<QueueDepthOptions>(builder.Configuration.GetSection(QueueDepthOptions.Section));
        builder.Services.AddHttpClient<QueueDepthPoller>(c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueDepthPoller>());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var request = CreateRequestUri(settings);
        http.DefaultRequestHeaders.Authorization = Credentials(settings);
        using var timer = new PeriodicTimer(settings.Interval, time);
        do
        {
            try
            {
                var queues = await http.GetFromJsonAsync<List<QueueInfo>>(request, stoppingToken) ?? [];
                IngestionTelemetry.SetQueueDepths(queues.Select(q => new QueueDepthReading(q.Name, q.Ready, q.Unacknowledged)).ToList());
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !stoppingToken.IsCancellationRequested)
            {
                IngestionTelemetry.SetQueueDepths([]); // unknown is better than a stale number on a dashboard
                LogUnreachable(request, error.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private Uri CreateRequestUri(QueueDepthOptions settings)
    {
        var vhost = settings.VirtualHost ?? Broker()?.VirtualHost ?? "/";
        return new Uri(settings.ManagementUrl!, $"/api/queues/{Uri.EscapeDataString(vhost)}?columns=name,messages_ready,messages_unacknowledged");
    }

    private AuthenticationHeaderValue Credentials(QueueDepthOptions settings)
    {
        var broker = Broker();
        var user = settings.UserName ?? broker?.Username ?? "guest";
        var password = settings.Password ?? broker?.Password ?? "guest";
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    private RabbitMqAddress? Broker() =>
        configuration.GetConnectionString("RabbitMq") is { Length: > 0 } uri ? RabbitMqAddress.Parse(uri) : null;

    private sealed record QueueInfo(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("messages_ready")] long Ready,
        [property: JsonPropertyName("messages_unacknowledged")] long Unacknowledged);

    [LoggerMessage(LogLevel.Warning, "Queue depth unavailable from {Url}: {Reason}")]
    private partial void LogUnreachable(Uri url, string reason);
}
