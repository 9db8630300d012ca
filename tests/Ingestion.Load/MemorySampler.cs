using System.Diagnostics;
using Ingestion.Testing.Processes;

namespace Ingestion.Load;

/// <summary>
/// Samples each service's resident memory at a fixed interval while the measured part runs, printing each
/// sample; at the end, compares the mean of the first quarter of samples with the last (flat within 10% is
/// the soak's target).
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<Dictionary<string, double>> samples = [];
    private readonly Task loop;

    private MemorySampler(PlatformProcesses platform, TimeSpan every) => loop = SampleAsync(platform, every);

    public static MemorySampler? StartIf(PlatformProcesses platform, int? everySeconds) =>
        everySeconds is { } seconds ? new MemorySampler(platform, TimeSpan.FromSeconds(seconds)) : null;

    private async Task SampleAsync(PlatformProcesses platform, TimeSpan every)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                await Task.Delay(every, stop.Token);
                var sample = platform.All.ToDictionary(s => s.Process.Name, s => s.Process.MemoryBytes / 1048576.0);
                lock (samples) samples.Add(sample);
                Console.WriteLine($"\n  [{clock.Elapsed:hh\\:mm\\:ss}] resident memory: {string.Join(", ", sample.Select(s => $"{s.Key} {s.Value:0} MB"))}");
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Per service: mean of the first quarter of samples → mean of the last quarter, and the change.</summary>
    public string Drift()
    {
        lock (samples)
        {
            if (samples.Count < 4) return $"too few samples ({samples.Count}) to compare";
            var quarter = samples.Count / 4;
            return string.Join(", ", samples[0].Keys.Select(name =>
            {
                var first = samples.Take(quarter).Average(s => s.GetValueOrDefault(name));
                var last = samples.Skip(samples.Count - quarter).Average(s => s.GetValueOrDefault(name));
                return $"{name} {first:0} -> {last:0} MB ({(last - first) / first:+0.0%;-0.0%})";
            })) + $" (means of the first and last {quarter} of {samples.Count} samples)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
