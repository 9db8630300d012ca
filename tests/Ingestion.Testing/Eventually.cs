namespace Ingestion.Testing;

/// <summary>Waits for an asynchronous pipeline to reach a state, failing with a description when it does not.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; last value: {Describe(last)}");
            await Task.Delay(200);
            last = await probe();
        }
        return last;
    }

    private static string Describe<T>(T value) => value is System.Collections.ICollection c ? $"{c.Count} items" : value?.ToString() ?? "null";
}
