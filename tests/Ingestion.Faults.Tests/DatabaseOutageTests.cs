using Xunit.Abstractions;

namespace Ingestion.Faults.Tests;

/// <summary>PostgreSQL (every service's database) is stopped in the middle of a run and started again later.</summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    /// <summary>60 s by default; INGESTION_FAULTS_DB_OUTAGE_SECONDS shortens it for a quick local run.</summary>
    private static TimeSpan Outage => TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("INGESTION_FAULTS_DB_OUTAGE_SECONDS"), out var s) ? s : 60);

    [Fact]
    public async Task Database_stopped_mid_run_then_started_loses_and_doubles_no_incident_or_alert()
    {
        await using var lab = await FaultLab.StartAsync(output, articles: FaultLab.DefaultArticles, releasePerSecond: FaultLab.SpreadRelease);
        await lab.StartPipelineAsync();

        var quarter = lab.Corpus.ExpectedMentions / 4;
        await PipelineProbe.WaitAsync(lab.Probe.StoredMentionsAsync, n => n >= quarter, $"{quarter} stored mentions before the outage");
        var storedBefore = await lab.Probe.StoredMentionsAsync();
        await lab.Database.StopAsync();
        lab.Log($"database stopped with {storedBefore} of {lab.Corpus.ExpectedMentions} mentions stored; down for {Outage.TotalSeconds:0} s");
        Assert.True(storedBefore < lab.Corpus.ExpectedMentions, "the outage struck in the middle of the run");

        await Task.Delay(Outage); // the outage itself: services keep consuming, failing and retrying meanwhile
        await lab.Database.StartAsync();
        lab.Log("database started");

        await lab.Probe.AssertEveryIncidentStoredAndAlertedOnceAsync(lab.Corpus, lab.Log);
    }
}
