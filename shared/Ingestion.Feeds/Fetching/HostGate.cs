using System.Collections.Concurrent;

namespace Ingestion.Feeds;

/// <summary>
/// Politeness per host: at most N requests in flight and a minimum spacing between request starts,
/// so one slow or big outlet is never hammered however many of its feeds are due at once.
/// </summary>
internal sealed class HostGates(int concurrency, TimeSpan minDelay, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(string host, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(host, _ => new Gate(Math.Max(1, concurrency)));
        await gate.Slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = time.GetUtcNow();
                var start = gate.NextStart > now ? gate.NextStart : now;
                gate.NextStart = start + minDelay;
                wait = start - now;
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct).ConfigureAwait(false);
            return new Release(gate.Slots);
        }
        catch
        {
            gate.Slots.Release();
            throw;
        }
    }

    private sealed class Gate(int slots)
    {
        public SemaphoreSlim Slots { get; } = new(slots, slots);
        public DateTimeOffset NextStart { get; set; } = DateTimeOffset.MinValue;
    }

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) slots.Release();
        }
    }
}
