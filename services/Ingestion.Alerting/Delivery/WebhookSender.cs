using System.Net.Sockets;
using System.Text;
using Ingestion.Alerting.Data;
using Ingestion.Feeds;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Delivery;

public sealed record WebhookResult(bool Delivered, int? StatusCode, string? Error, TimeSpan? RetryAfter);

/// <summary>POSTs one signed alert (Standard Webhooks headers). Never throws: every failure is a result.</summary>
public sealed class WebhookSender(HttpClient http, IOptions<AlertingOptions> options, TimeProvider time)
{
    public const string ClientName = "webhooks";

    public async Task<WebhookResult> SendAsync(Subscription subscription, Data.Delivery delivery, CancellationToken ct)
    {
        // Stable across retries, so receivers can drop a repeat they already processed.
        var id = $"{delivery.SubscriptionId:N}-{delivery.IncidentId:N}-{delivery.Revision}";
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.WebhookUrl)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(subscription.Secret, id, timestamp, delivery.Payload));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.WebhookTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return new WebhookResult(true, status, null, null);
            return new WebhookResult(false, status, $"HTTP {status}", response.Headers.RetryAfter?.Delta);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WebhookResult(false, null, $"no answer within {options.Value.WebhookTimeout.TotalSeconds:0} s", null);
        }
        catch (HttpRequestException error)
        {
            return new WebhookResult(false, null, error.InnerException?.Message ?? error.Message, null);
        }
    }

    /// <summary>The handler behind the webhook client: refuses private and loopback addresses unless configured.</summary>
    public static SocketsHttpHandler CreateHandler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => allowPrivate || AddressPolicy.IsPublic(a)).ToArray();
            if (allowed.Length == 0) throw new HttpRequestException($"webhook host {context.DnsEndPoint.Host} resolves only to private or loopback addresses");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try { await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct); }
            catch { socket.Dispose(); throw; }
            return new NetworkStream(socket, ownsSocket: true);
        },
    };
}
