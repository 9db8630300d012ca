using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Ingestion.Alerting.Benchmarks.Deliveries;

/// <summary>
/// The floor to compare against: the same number of signed Standard Webhooks POSTs of the same body to the
/// same receiver, straight from one HttpClient with the same number of senders at once, and nothing else
/// (no broker, no database, no claims). Returns the elapsed time until the receiver had them all: the median
/// of three rounds, as one round of a few thousand loopback POSTs lasts only tens of milliseconds.
/// </summary>
public static class RawBaseline
{
    public static async Task<TimeSpan> RunAsync(CountingReceiver receiver, string body, int count, int concurrency)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
        var secret = WebhookSignature.NewSecret();
        await SendAsync(http, receiver, secret, body, "warmup", Math.Min(count, 200), concurrency);
        var rounds = new List<TimeSpan>();
        for (var round = 0; round < 3; round++)
        {
            var started = Stopwatch.GetTimestamp();
            await SendAsync(http, receiver, secret, body, $"raw{round}", count, concurrency);
            rounds.Add(Stopwatch.GetElapsedTime(started));
        }
        return rounds.Order().ElementAt(1);
    }

    private static async Task SendAsync(HttpClient http, CountingReceiver receiver, string secret, string body, string prefix, int count, int concurrency)
    {
        receiver.Expect(count);
        var next = -1;
        var senders = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var id = $"{prefix}-{i}";
                var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("webhook-id", id);
                request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, id, timestamp, body));
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
            }
        });
        await Task.WhenAll(senders);
        await receiver.WaitAsync(TimeSpan.FromMinutes(2));
    }
}
