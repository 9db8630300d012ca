using BenchmarkDotNet.Attributes;
using Ingestion.Dedupe;

namespace Ingestion.Resolution.Benchmarks;

/// <summary>Near-duplicate lookup in an index of 100,000 and 1,000,000 stored articles.</summary>
[MemoryDiagnoser]
public class NearDuplicateBenchmarks
{
    private NearDuplicateIndex _index = null!;
    private ulong[][] _nearCopies = null!, _unrelated = null!;
    private int _next;

    [Params(100_000, 1_000_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (index, stored) = BuildIndex(Articles, out long bytes);
        _index = index;
        Console.WriteLine($"// NearDuplicateIndex: {Articles:N0} articles, {bytes:N0} bytes, {bytes / (double)Articles:F0} bytes/article");
        var rng = new Random(99);
        _nearCopies = Enumerable.Range(0, 1024).Select(_ => Synthetic.NearCopy(stored[rng.Next(stored.Length)], 0.1, rng)).ToArray();
        _unrelated = Enumerable.Range(0, 1024).Select(_ => Synthetic.RandomSignature(rng)).ToArray();
    }

    /// <summary>Builds an index of random signatures; reports the managed bytes it holds (signature arrays excluded: they are the caller's).</summary>
    public static (NearDuplicateIndex Index, ulong[][] Sample) BuildIndex(int articles, out long bytes)
    {
        var rng = new Random(42);
        var sample = new ulong[4096][];
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var index = new NearDuplicateIndex(0.8);
        for (int i = 0; i < articles; i++)
        {
            var sig = Synthetic.RandomSignature(rng);
            if (i % (articles / sample.Length) == 0 && i / (articles / sample.Length) < sample.Length) sample[i / (articles / sample.Length)] = sig;
            index.Add(Guid.NewGuid(), sig);
        }
        bytes = GC.GetTotalMemory(forceFullCollection: true) - before - sample.Sum(s => s is null ? 0 : 8L * s.Length + 24) - 8L * sample.Length;
        return (index, sample.Where(s => s is not null).ToArray());
    }

    [Benchmark(Description = "lookup of a near copy (90% equal)")]
    public NearDuplicateMatch? LookupNearCopy() => _index.FindNearDuplicate(_nearCopies[_next++ & 1023]);

    [Benchmark(Description = "lookup of an unrelated article")]
    public NearDuplicateMatch? LookupUnrelated() => _index.FindNearDuplicate(_unrelated[_next++ & 1023]);
}
