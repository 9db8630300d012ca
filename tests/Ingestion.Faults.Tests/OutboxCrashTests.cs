using Xunit.Abstractions;

namespace Ingestion.Faults.Tests;

/// <summary>
/// A crash between the database commit and the publish: each service's outbox relay is held back
/// (Outbox:RelayDelay), so its messages are committed and unpublished when the process is SIGKILLed.
/// The next process must publish every one of them.
/// </summary>
public sealed class OutboxCrashTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> RelayHeld = new() { ["Outbox__RelayDelay"] = "01:00:00" };

    [Fact]
    public async Task Messages_committed_but_unpublished_when_the_process_dies_are_published_by_the_next_one()
    {
        await using var lab = await FaultLab.StartAsync(output, articles: FaultLab.DefaultArticles, releasePerSecond: null);
        await lab.StartPipelineAsync(storeSettings: RelayHeld, workerSettings: RelayHeld);
        var articles = lab.Corpus.Articles.Count;

        // FeedWorker: every collected article is committed to its outbox, none published, then the process dies.
        await PipelineProbe.WaitAsync(() => lab.Probe.CountAsync("Feeds", "Outbox"), n => n >= articles, $"{articles} ArticleCollected rows in the outbox");
        Assert.Equal(0, await lab.Probe.CountAsync("Feeds", "Articles"));
        await lab.Platform.Workers[0].Process.KillAsync();
        lab.Log($"worker killed with {await lab.Probe.CountAsync("Feeds", "Outbox")} unpublished messages");
        await lab.Platform.StartWorkerAsync();

        // Store: every mention is stored with its incident's events committed to the outbox, no alert sent, then it dies.
        await PipelineProbe.WaitAsync(lab.Probe.StoredMentionsAsync, n => n >= lab.Corpus.ExpectedMentions, $"{lab.Corpus.ExpectedMentions} stored mentions");
        await PipelineProbe.WaitAsync(lab.Probe.QueuedIncidentEventsAsync, n => n >= lab.Corpus.ExpectedIncidents, "incident events in the store outbox");
        Assert.Empty(lab.Probe.Alerts);
        await lab.Platform.Store!.Process.KillAsync();
        lab.Log($"store killed with {await lab.Probe.CountAsync("Store", "Outbox")} unpublished messages ({await lab.Probe.QueuedIncidentEventsAsync()} incident events)");
        await lab.Platform.StartStoreAsync();

        await lab.Probe.AssertEveryIncidentStoredAndAlertedOnceAsync(lab.Corpus, lab.Log);
        Assert.Equal(0, await lab.Probe.CountAsync("Feeds", "Outbox"));
        Assert.Equal(0, await lab.Probe.CountAsync("Store", "Outbox"));
    }
}
