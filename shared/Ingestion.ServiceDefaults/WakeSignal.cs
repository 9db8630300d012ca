namespace Ingestion.ServiceDefaults;

/// <summary>
/// Wakes a background loop as soon as there is work, so it need not poll often; signals while the loop
/// is busy fold into one wake-up.
/// </summary>
public class WakeSignal
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
