using Ingestion.Testing;
using Xunit.Abstractions;

namespace Ingestion.Faults.Tests;

/// <summary>RabbitMQ dies with SIGKILL in the middle of a run and comes back on the same data.</summary>
public sealed class BrokerCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Broker_killed_mid_run_and_restarted_loses_and_doubles_no_incident_or_alert()
    {
        await using var lab = await FaultLab.StartAsync(output, articles: FaultLab.DefaultArticles, releasePerSecond: FaultLab.SpreadRelease);
        await lab.StartPipelineAsync();

        var quarter = lab.Corpus.ExpectedMentions / 4;
        await PipelineProbe.WaitAsync(lab.Probe.StoredMentionsAsync, n => n >= quarter, $"{quarter} stored mentions before the crash");
        await lab.Broker.KillAsync();
        var storedAtCrash = await lab.Probe.StoredMentionsAsync();
        lab.Log($"broker killed with {storedAtCrash} of {lab.Corpus.ExpectedMentions} mentions stored");
        Assert.True(storedAtCrash < lab.Corpus.ExpectedMentions, "the crash struck in the middle of the run");

        await Task.Delay(TimeSpan.FromSeconds(5)); // the services notice and keep retrying while it is down
        await lab.Broker.RestartAsync();
        lab.Log("broker restarted");

        await lab.Probe.AssertEveryIncidentStoredAndAlertedOnceAsync(lab.Corpus, lab.Log);

        // Every receive endpoint is ready again in the bus-endpoints check's eyes, so its watchdog will not stop a
        // service later for this ordinary broker restart.
        foreach (var service in lab.Platform.Serving)
        {
            using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
            await Eventually.ReturnsAsync(async () =>
            {
                var response = await http.GetAsync("/health");
                return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }, health => health == "200 Healthy", TimeSpan.FromSeconds(30), $"{service.Process.Name} /health Healthy");
        }
    }
}
