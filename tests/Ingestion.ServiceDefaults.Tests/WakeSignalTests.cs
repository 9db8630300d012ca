namespace Ingestion.ServiceDefaults.Tests;

public sealed class WakeSignalTests
{
    [Fact]
    public async Task Notify_before_wait_wakes_at_once()
    {
        var signal = new WakeSignal();
        signal.Notify();
        var waited = signal.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Same(waited, await Task.WhenAny(waited, Task.Delay(TimeSpan.FromSeconds(30))));
    }

    [Fact]
    public async Task Many_notifies_fold_into_one_wake_up()
    {
        var signal = new WakeSignal();
        for (var i = 0; i < 10; i++) signal.Notify();
        await signal.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        // The second wait has nothing pending: it ends by its own (short) timeout, not at once by a leftover signal.
        var second = signal.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.NotSame(second, await Task.WhenAny(second, Task.Delay(TimeSpan.FromMilliseconds(300))));
    }

    [Fact]
    public async Task Cancellation_ends_the_wait_without_throwing()
    {
        using var cancel = new CancellationTokenSource();
        var waiting = new WakeSignal().WaitAsync(TimeSpan.FromMinutes(5), cancel.Token);
        cancel.Cancel();
        await waiting;
        Assert.True(waiting.IsCompletedSuccessfully);
    }
}
