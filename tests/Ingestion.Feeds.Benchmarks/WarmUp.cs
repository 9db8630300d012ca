using System.Diagnostics;
using System.Runtime;

namespace Ingestion.Feeds.Benchmarks;

/// <summary>
/// Runs the parser until the runtime has finished optimising it, as it has in a poller that runs for days.
/// Tiered JIT (with dynamic PGO) runs hot code unoptimised, then instrumented, then optimised, recompiling on a
/// background thread; on a loaded 2-core machine that took about 10 s (250 corpus passes), and a fixed two-second
/// warm-up timed the unoptimised code, about 3x slower than the steady state. Pass times plateau at each tier,
/// so they cannot tell when it is over; the JIT's own count of compiled methods can: warm up until it has not
/// moved for three seconds (at least two seconds in all, at most a minute).
/// Set BENCH_WARMUP_TRACE=1 to watch the passes get faster.
/// </summary>
internal static class WarmUp
{
    private static readonly TimeSpan Minimum = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    /// <returns>Wall time spent and passes run, for the report.</returns>
    public static (TimeSpan Elapsed, int Passes) Run(Action pass)
    {
        var trace = Environment.GetEnvironmentVariable("BENCH_WARMUP_TRACE") is not null;
        var total = Stopwatch.StartNew();
        var sinceLastCompile = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var passes = 0;
        while (total.Elapsed < Cap)
        {
            var before = ThreadCpu.Seconds();
            pass();
            passes++;
            var cpu = ThreadCpu.Seconds() - before;
            var nowCompiled = JitInfo.GetCompiledMethodCount();
            if (nowCompiled != compiled)
            {
                compiled = nowCompiled;
                sinceLastCompile.Restart();
            }
            if (trace && passes % 50 == 0)
                Console.WriteLine($"  warm-up {total.Elapsed.TotalSeconds:0.0} s, pass {passes}: {cpu * 1000:0.0} ms CPU, {compiled} methods compiled");
            if (total.Elapsed >= Minimum && sinceLastCompile.Elapsed >= Quiet) break;
        }
        return (total.Elapsed, passes);
    }
}
