using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ingestion.Alerting.Benchmarks.Deliveries;

/// <summary>
/// A webhook receiver on loopback (Kestrel) that does as little as a receiver can: reads the body, notes
/// when each webhook-id first arrived, answers 204. No signature check, so the figures measure the sender.
/// </summary>
public sealed class CountingReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private ConcurrentDictionary<string, long> arrivals = new();
    private int expected = int.MaxValue;
    private TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CountingReceiver(WebApplication app) => this.app = app;

    public string Url => app.Urls.First() + "/hook";

    /// <summary>Stopwatch timestamps of the first arrival of each webhook-id since the last <see cref="Expect"/>.</summary>
    public IReadOnlyDictionary<string, long> Arrivals => arrivals;

    public static async Task<CountingReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new CountingReceiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Forgets earlier arrivals; <see cref="WaitAsync"/> then completes once this many distinct ids have arrived.</summary>
    public void Expect(int count)
    {
        arrivals = new ConcurrentDictionary<string, long>();
        all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref expected, count);
    }

    public async Task WaitAsync(TimeSpan timeout)
    {
        try { await all.Task.WaitAsync(timeout); }
        catch (TimeoutException) { throw new TimeoutException($"only {arrivals.Count} of {expected} deliveries arrived within {timeout.TotalSeconds:0} s"); }
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        // Read the whole body, as any receiver must before it can answer.
        await request.Body.CopyToAsync(Stream.Null);
        var now = Stopwatch.GetTimestamp();
        var seen = arrivals;
        if (request.Headers["webhook-id"].ToString() is { Length: > 0 } id && seen.TryAdd(id, now) && seen.Count >= Volatile.Read(ref expected))
            all.TrySetResult();
        return Results.NoContent();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
