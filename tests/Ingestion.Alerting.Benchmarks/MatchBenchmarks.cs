using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Ingestion.Alerting.Subscriptions;
using Ingestion.Contracts;

namespace Ingestion.Alerting.Benchmarks;

/// <summary>
/// One incident against 10,000 subscriptions with mixed filters (target: 10 ms or less). Baseline: the
/// same filters read from their stored JSON for every event, as the first version of the service did.
/// </summary>
[MemoryDiagnoser]
public class MatchBenchmarks
{
    private const int Subscriptions = 10_000;
    private List<MatchableSubscription> compiled = [];
    private List<string> stored = [];
    private readonly IncidentSnapshot incident = new()
    {
        IncidentId = Guid.NewGuid(), Revision = 1, Kind = "rocket_attack", Date = new DateOnly(2024, 4, 21),
        Place = new ReportedPlace { Id = "rumeilan", Name = "Rumeilan", NameArabic = "الرميلان", Country = "SY", Lat = 36.65, Lon = 41.52, Precision = "city" },
        Attacker = "islamic_resistance_in_iraq", Target = "us_forces", Killed = 1, SourceCount = 2, ArticleCount = 2, Confidence = 0.8,
        FirstSeen = new DateOnly(2024, 4, 21), LastSeen = new DateOnly(2024, 4, 21),
    };

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string[] kinds = ["rocket_attack", "drone_attack", "missile_attack", "airstrike", "explosion"];
        string[] countries = ["IQ", "SY", "JO"];
        string[] places = ["rumeilan", "ain_al_asad", "erbil", "al-tanf", "conoco"];
        string[] actors = ["kataib_hezbollah", "islamic_resistance_in_iraq", "harakat_al_nujaba"];
        var filters = Enumerable.Range(0, Subscriptions).Select(i => (i % 6) switch
        {
            0 => new AlertFilter { Kinds = [kinds[random.Next(kinds.Length)]], Countries = [countries[random.Next(countries.Length)]] },
            1 => new AlertFilter { Places = [places[random.Next(places.Length)], "الرميلان"] },
            2 => new AlertFilter { Near = new GeoCircle(33 + random.NextDouble() * 5, 39 + random.NextDouble() * 6, 10 + random.Next(300)) },
            3 => new AlertFilter { Box = new GeoBox(34, 38, 34 + random.NextDouble() * 4, 38 + random.NextDouble() * 6), MinKilled = random.Next(3) },
            4 => new AlertFilter { Attackers = [actors[random.Next(actors.Length)]], Targets = ["us_forces"], MinSources = random.Next(1, 4) },
            _ => new AlertFilter { Countries = ["IQ", "SY"], MinConfidence = random.NextDouble(), Revisions = ["casualties"] },
        }).ToList();
        compiled = filters.Select(f => new MatchableSubscription(Guid.NewGuid(), new CompiledFilter(f), false)).ToList();
        stored = filters.Select(f => JsonSerializer.Serialize(f, AlertFilterJson.Options)).ToList();
    }

    [Benchmark(Baseline = true)]
    public int Read_stored_filters_per_event() =>
        stored.Count(json => new CompiledFilter(AlertFilterJson.Read(json)).Matches(incident));

    [Benchmark]
    public int Match_compiled_filters() => SubscriptionMatcher.Match(compiled, incident, null).Count;
}
