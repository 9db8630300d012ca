using System.Collections.Concurrent;
using Ingestion.Contracts;
using Ingestion.Store.Consumers;
using Ingestion.ServiceDefaults.Telemetry;
using Ingestion.Store.Data;
using Ingestion.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ingestion.Store.Tests;

/// <summary>The group commit alone, on a store double that records the batches it is given.</summary>
public sealed class MentionBatcherTests : IAsyncLifetime
{
    private readonly RecordingStore store = new();
    private MentionBatcher batcher = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        services = new ServiceCollection().AddScoped<IIncidentStore>(_ => store).BuildServiceProvider();
        batcher = new MentionBatcher(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<MentionBatcher>.Instance);
        await batcher.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await batcher.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
    }

    [Fact]
    public async Task Mentions_waiting_while_a_batch_is_recorded_go_together_in_the_next_one()
    {
        store.Gate = new TaskCompletionSource();
        var first = batcher.SubmitAsync(Mention("first"));
        await FirstBatchTakenAsync();
        var waiting = Enumerable.Range(0, 5).Select(i => batcher.SubmitAsync(Mention($"waiting-{i}"))).ToList();
        store.Gate.SetResult();

        var outcomes = await Task.WhenAll(waiting.Prepend(first));
        Assert.Equal([1, 5], store.Batches.Select(b => b.Count));
        // Each caller gets the outcome of its own mention, not of another in its batch.
        Assert.Equal(store.IncidentIdsBySource.Values.ToHashSet(), outcomes.Select(o => o.IncidentId).ToHashSet());
        Assert.Equal(store.IncidentIdsBySource["waiting-3"], (await waiting[3]).IncidentId);
    }

    [Fact]
    public async Task A_mention_that_fails_its_batch_fails_alone_and_the_others_are_recorded()
    {
        store.Gate = new TaskCompletionSource();
        var blocker = batcher.SubmitAsync(Mention("first"));
        await FirstBatchTakenAsync();
        var good = batcher.SubmitAsync(Mention("good"));
        var poison = batcher.SubmitAsync(Mention("poison"));
        var alsoGood = batcher.SubmitAsync(Mention("also-good"));
        store.Gate.SetResult();

        await blocker;
        // Await before looking up: the batch holding "good" may still be running when the blocker's outcome returns.
        var (goodOutcome, alsoGoodOutcome) = (await good, await alsoGood);
        Assert.Equal(store.IncidentIdsBySource["good"], goodOutcome.IncidentId);
        Assert.Equal(store.IncidentIdsBySource["also-good"], alsoGoodOutcome.IncidentId);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => poison);
        Assert.Contains("poison", error.Message);
    }

    private Task FirstBatchTakenAsync() =>
        Eventually.ReturnsAsync(() => Task.FromResult(store.Batches.Count), n => n == 1, TimeSpan.FromSeconds(10), "the first batch");

    private static IncidentReported Mention(string source) => Mentions.Rockets(Mentions.Rumeilan, new DateOnly(2024, 4, 21), source);

    /// <summary>Answers each mention with an incident of its own; fails any batch holding a "poison" mention.</summary>
    private sealed class RecordingStore : IIncidentStore
    {
        public TaskCompletionSource? Gate { get; set; }
        public ConcurrentQueue<IReadOnlyList<IncidentReported>> Batches { get; } = new();
        public ConcurrentDictionary<string, Guid> IncidentIdsBySource { get; } = new();

        public async Task<IReadOnlyList<MentionOutcome>> RecordMentionsAsync(IReadOnlyList<Traced<IncidentReported>> traced, CancellationToken ct)
        {
            var mentions = traced.Select(t => t.Value).ToList();
            Batches.Enqueue(mentions);
            if (Gate is { } gate) await gate.Task;
            if (mentions.Any(m => m.Source == "poison")) throw new InvalidOperationException("cannot resolve poison");
            return mentions.Select(m => new MentionOutcome(MentionResult.Opened, IncidentIdsBySource.GetOrAdd(m.Source, _ => Guid.NewGuid()), [])).ToList();
        }

        public Task<IReadOnlyList<IncidentSnapshot>> ListAsync(IncidentQuery query, CancellationToken ct) => throw new NotSupportedException();
        public Task<IncidentDetail?> GetAsync(Guid incidentId, CancellationToken ct) => throw new NotSupportedException();
    }
}
