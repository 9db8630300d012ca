using Xunit.Abstractions;

namespace Ingestion.Faults.Tests;

/// <summary>
/// The same run with no fault: it shows the prediction (extractor + resolver over the generated articles) is what
/// the running platform does, so a shortfall in a fault scenario is a loss, not a wrong expectation.
/// </summary>
public sealed class ControlRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Undisturbed_run_stores_and_alerts_exactly_the_predicted_incidents()
    {
        await using var lab = await FaultLab.StartAsync(output, articles: FaultLab.DefaultArticles, releasePerSecond: null);
        await lab.StartPipelineAsync();
        await lab.Probe.AssertEveryIncidentStoredAndAlertedOnceAsync(lab.Corpus, lab.Log);
    }
}
