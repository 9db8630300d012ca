using System.Diagnostics;

namespace Ingestion.Feeds.Benchmarks;

internal sealed record OursTiming(double Seconds, double CpuSeconds, long AllocatedBytes, ParsedFeed[] Feeds, TimeSpan WarmUp, int WarmUpPasses);

internal static class OursRunner
{
    /// <summary>
    /// Best wall time and best CPU time of <paramref name="rounds"/> passes after a warm-up. CPU time is
    /// reported too because the machine is shared: wall time then measures the neighbours as much as us.
    /// </summary>
    public static OursTiming Run(byte[][] blobs, int rounds)
    {
        var feeds = new ParsedFeed[blobs.Length];
        // Warm up until tiered JIT has promoted the hot methods to optimised code (see WarmUp).
        var (warmUpTime, warmUpPasses) = WarmUp.Run(() =>
        {
            for (var i = 0; i < blobs.Length; i++) feeds[i] = FeedParser.Parse(blobs[i]);
        });

        double best = double.MaxValue, bestCpu = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var cpuBefore = ThreadCpu.Seconds();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < blobs.Length; i++) feeds[i] = FeedParser.Parse(blobs[i]);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, ThreadCpu.Seconds() - cpuBefore);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < blobs.Length; i++) FeedParser.Parse(blobs[i]);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return new OursTiming(best, bestCpu, allocated, feeds, warmUpTime, warmUpPasses);
    }
}
