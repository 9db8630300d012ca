using BenchmarkDotNet.Attributes;

namespace Ingestion.Extraction.Benchmarks;

/// <summary>Throughput of Extract over the seed articles (one operation = one article) and cost of Load().</summary>
[MemoryDiagnoser]
[OperationsPerSecond]
[ShortRunJob]
public class ExtractionBenchmarks
{
    private IncidentExtractor _extractor = null!;
    private IReadOnlyList<SeedCorpus.Article> _articles = null!;

    [GlobalSetup]
    public void Setup()
    {
        _extractor = IncidentExtractor.Load();
        _articles = SeedCorpus.Load();
    }

    /// <summary>All five seeds per invocation; OperationsPerInvoke makes the reported mean and allocation per article.</summary>
    [Benchmark(OperationsPerInvoke = 5)]
    public int ExtractPerArticle()
    {
        int n = 0;
        foreach (var a in _articles) n += _extractor.Extract(a.Text, a.Published).Count;
        return n;
    }

    [Benchmark]
    public IncidentExtractor LoadDictionaries() => IncidentExtractor.Load();
}
