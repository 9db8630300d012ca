using BenchmarkDotNet.Attributes;
using Ingestion.Dedupe;

namespace Ingestion.Resolution.Benchmarks;

/// <summary>Per-article cost of fingerprinting a 400-word article (the seed articles have 330–525 words).</summary>
[MemoryDiagnoser]
public class FingerprintBenchmarks
{
    private string _text = "";

    [GlobalSetup]
    public void Setup() => _text = Synthetic.ArabicText(new Random(3), 400);

    [Benchmark(Description = "MinHash signature, 400 words")]
    public ulong[] Signature() => ArticleFingerprint.MinHashSignature(_text);

    [Benchmark(Description = "content hash, 400 words")]
    public string Hash() => ArticleFingerprint.ContentHash(_text);
}
