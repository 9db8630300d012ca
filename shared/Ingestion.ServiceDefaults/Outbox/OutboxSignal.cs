namespace Ingestion.ServiceDefaults.Outbox;

/// <summary>Wakes the relay of one DbContext right after a commit, so the outbox adds no polling delay to the pipeline.</summary>
public sealed class OutboxSignal<TContext>
{
    private readonly SemaphoreSlim pending = new(0, 1);

    public void Notify()
    {
        try { pending.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try { await pending.WaitAsync(timeout, ct); }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }
}
