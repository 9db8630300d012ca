using Xunit.Abstractions;

namespace Ingestion.Faults.Tests;

/// <summary>The FeedWorker dies with SIGKILL while it is reading a batch of articles; a new one takes over.</summary>
public sealed class WorkerCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Worker_killed_mid_batch_and_replaced_loses_and_doubles_no_incident_or_alert()
    {
        await using var lab = await FaultLab.StartAsync(output, articles: FaultLab.DefaultArticles, releasePerSecond: FaultLab.SpreadRelease);
        await lab.StartPipelineAsync();

        var quarter = lab.Corpus.Articles.Count / 4;
        await PipelineProbe.WaitAsync(() => lab.Probe.CountAsync("Feeds", "Articles"), n => n >= quarter, $"{quarter} articles read before the crash");
        await lab.Platform.Workers[0].Process.KillAsync();
        var readAtCrash = await lab.Probe.CountAsync("Feeds", "Articles");
        lab.Log($"worker killed with {readAtCrash} of {lab.Corpus.Articles.Count} articles read");
        Assert.True(readAtCrash < lab.Corpus.Articles.Count, "the crash struck in the middle of the batch");

        await lab.Platform.StartWorkerAsync();
        lab.Log("replacement worker healthy");

        await lab.Probe.AssertEveryIncidentStoredAndAlertedOnceAsync(lab.Corpus, lab.Log);
    }
}
