using System.Text;
using Ingestion.Alerting.Data;
using Ingestion.Feeds;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Delivery;

/// <summary>POSTs one signed alert (Standard Webhooks headers).</summary>
public sealed class WebhookSender(HttpClient http, IOptions<AlertingOptions> options, TimeProvider time) : IAlertChannel
{
    public const string ClientName = "webhooks";

    public async Task<SendResult> SendAsync(Subscription subscription, Data.Delivery delivery, CancellationToken ct)
    {
        var id = delivery.MessageId;
        var now = time.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.WebhookUrl)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var signature = WebhookSignature.Sign(subscription.Secret, id, timestamp, delivery.Payload);
        // During a rotation's grace period both secrets sign: a receiver on either one accepts the alert.
        if (subscription.PreviousSecret is { } previous && subscription.PreviousSecretUntil > now)
            signature += " " + WebhookSignature.Sign(previous, id, timestamp, delivery.Payload);
        request.Headers.Add("webhook-signature", signature);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.WebhookTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return SendResult.Ok(status);
            var retryAfter = response.Headers.RetryAfter is { } ra ? ra.Delta ?? (ra.Date - now) : null;
            return SendResult.Fail($"HTTP {status}", status, retryAfter);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendResult.Fail($"no answer within {options.Value.WebhookTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException error)
        {
            return SendResult.Fail(error.InnerException?.Message ?? error.Message);
        }
    }

    /// <summary>The handler behind the webhook client: refuses private and loopback addresses unless configured.</summary>
    public static SocketsHttpHandler CreateHandler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 64,
        ConnectCallback = AddressPolicy.GuardedConnect(allowPrivate),
    };
}
