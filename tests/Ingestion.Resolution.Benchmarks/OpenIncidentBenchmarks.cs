using BenchmarkDotNet.Attributes;

namespace Ingestion.Resolution.Benchmarks;

/// <summary>Resolving one new mention against 100,000 open incidents spread over Iraq and Syria and one year.</summary>
[MemoryDiagnoser]
public class OpenIncidentBenchmarks
{
    private readonly IncidentResolver _resolver = new();
    private OpenIncidentIndex _index = null!;
    private IncidentMention[] _probes = null!;
    private int _next;

    [Params(100_000)]
    public int OpenIncidents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _index = Build(OpenIncidents, out long bytes);
        Console.WriteLine($"// OpenIncidentIndex: {OpenIncidents:N0} incidents, {bytes:N0} bytes, {bytes / (double)OpenIncidents:F0} bytes/incident");
        var rng = new Random(8);
        _probes = Enumerable.Range(0, 1024).Select(_ => Synthetic.Mention(rng)).ToArray();
    }

    public static OpenIncidentIndex Build(int incidents, out long bytes)
    {
        var rng = new Random(1);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var index = new OpenIncidentIndex();
        for (int i = 0; i < incidents; i++) index.Add(Guid.NewGuid(), Synthetic.Mention(rng));
        bytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        return index;
    }

    [Benchmark(Description = "FindMatches against open incidents")]
    public IReadOnlyList<Guid> FindMatches() => _index.FindMatches(_probes[_next++ & 1023], _resolver);
}
