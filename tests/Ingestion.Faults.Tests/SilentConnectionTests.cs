using Ingestion.Testing;
using Xunit.Abstractions;

namespace Ingestion.Faults.Tests;

/// <summary>
/// The FeedWorker's connection to the broker goes silent in the middle of a run while the broker stays up: what its
/// outbox relay sees when a broker crash leaves the publishing channel broken (RabbitMQ.Client 7.1.2 can), reproduced
/// on purpose. The worker keeps reading feeds into its outbox meanwhile, so its relay keeps trying to publish.
/// </summary>
public sealed class SilentConnectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Worker_whose_broker_connection_goes_silent_is_stopped_and_restarted_and_loses_and_doubles_nothing()
    {
        await using var lab = await FaultLab.StartAsync(output, articles: FaultLab.DefaultArticles, releasePerSecond: FaultLab.SpreadRelease);
        await using var relay = TcpRelay.Start("127.0.0.1", lab.Broker.Port);
        await lab.StartPipelineAsync(workerSettings: new Dictionary<string, string?>
        {
            ["ConnectionStrings__RabbitMq"] = $"amqp://guest:guest@127.0.0.1:{relay.Port}/",
        });

        var quarter = lab.Corpus.Articles.Count / 4;
        await PipelineProbe.WaitAsync(() => lab.Probe.CountAsync("Feeds", "Articles"), n => n >= quarter, $"{quarter} articles read before the silence");
        var stuck = lab.Platform.Workers[0];
        relay.Freeze();
        lab.Log($"worker connection silent with {await lab.Probe.CountAsync("Feeds", "Articles")} of {lab.Corpus.Articles.Count} articles read");
        var unhealthySeen = WatchHealthAsync(lab, stuck);

        // Nothing else ends it: the broker accepts connections, and the worker's own connection neither fails nor closes.
        await Eventually.ReturnsAsync(() => Task.FromResult(stuck.Process.HasExited), exited => exited, TimeSpan.FromMinutes(2),
            "the bus watchdog to stop the stuck worker");
        Assert.Equal(1, stuck.Process.ExitCode); // the watchdog's code; a crash would end otherwise
        Assert.True(await unhealthySeen, "the stuck worker's /health answered 503 before it stopped");
        lab.Log("stuck worker stopped by its watchdog");
        await Eventually.ReturnsAsync(() => Task.FromResult(lab.Platform.Workers.Count == 1 && lab.Platform.Workers[0] != stuck), restarted => restarted,
            TimeSpan.FromMinutes(2), "a fresh worker started in its place");

        await lab.Probe.AssertEveryIncidentStoredAndAlertedOnceAsync(lab.Corpus, lab.Log);
    }

    /// <summary>Polls the worker's /health until it exits, logging each change; true if it ever answered 503.</summary>
    private static async Task<bool> WatchHealthAsync(FaultLab lab, Testing.Processes.ServiceProcess worker)
    {
        using var http = new HttpClient { BaseAddress = worker.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var (last, unhealthy) = ("", false);
        while (!worker.Process.HasExited)
        {
            string now;
            try
            {
                var response = await http.GetAsync("/health");
                now = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                unhealthy |= (int)response.StatusCode == 503;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { now = "no answer"; }
            if (now != last) lab.Log($"stuck worker /health: {now}");
            last = now;
            await Task.Delay(500);
        }
        return unhealthy;
    }
}
