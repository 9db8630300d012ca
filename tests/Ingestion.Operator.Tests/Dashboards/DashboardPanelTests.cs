using System.Diagnostics.Metrics;
using System.Reflection;
using Ingestion.ServiceDefaults.Telemetry;
using Ingestion.Testing;

namespace Ingestion.Operator.Tests.Dashboards;

/// <summary>Every Grafana panel queries series the code really emits, so no panel goes blank after a rename.</summary>
public sealed class DashboardPanelTests
{
    private static readonly string[] PlatformMetricPrefixes = ["ingestion_"];

    [Fact]
    public void Every_panel_query_selects_only_metrics_the_Ingestion_meter_emits()
    {
        var emitted = EmittedMetrics.SeriesNames();
        var queries = Dashboards.All().SelectMany(p => p.Queries).ToList();
        Assert.NotEmpty(queries);

        var problems = new List<string>();
        foreach (var q in queries)
        {
            var names = PromQlMetricNames.Of(q.Expr);
            if (names.Count == 0) problems.Add($"{q.Dashboard} '{q.Panel}' {q.RefId}: selects no metric: {q.Expr}");
            problems.AddRange(names.Where(n => !emitted.ContainsKey(n))
                .Select(n => $"{q.Dashboard} '{q.Panel}' {q.RefId}: {n} is not emitted (emitted: {string.Join(", ", emitted.Keys.Order())})"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_graph_panel_has_a_query()
    {
        var blank = Dashboards.All().Where(p => p.Type != "row" && !p.Queries.Any(q => q.Expr.Trim().Length > 0)).Select(p => p.Title).ToList();
        Assert.True(blank.Count == 0, "Panels without a query: " + string.Join(", ", blank));
    }

    [Fact]
    public void Every_instrument_a_panel_queries_is_recorded_by_some_service()
    {
        var emitted = EmittedMetrics.SeriesNames();
        var queried = Dashboards.All().SelectMany(p => p.Queries).SelectMany(q => PromQlMetricNames.Of(q.Expr))
            .Where(emitted.ContainsKey).Select(n => emitted[n]).Distinct();
        var fields = typeof(IngestionTelemetry).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.GetValue(null) is Instrument).ToDictionary(f => (Instrument)f.GetValue(null)!, f => f.Name);
        var code = SourceFiles().Select(File.ReadAllText).ToList();

        // Observable instruments report state the telemetry class holds; the others need an Add/Record call somewhere.
        var unrecorded = queried.Where(i => !i.IsObservable)
            .Where(i => !code.Any(text => text.Contains($"IngestionTelemetry.{fields[i]}.Add(") || text.Contains($"IngestionTelemetry.{fields[i]}.Record(")))
            .Select(i => i.Name).ToList();
        Assert.True(unrecorded.Count == 0, "Panels query instruments nothing records: " + string.Join(", ", unrecorded));
    }

    [Fact]
    public void Dashboard_covers_throughput_feed_health_dedupe_extraction_latency_delivery_and_kinds()
    {
        var series = Dashboards.All().SelectMany(p => p.Queries).SelectMany(q => PromQlMetricNames.Of(q.Expr)).ToHashSet();
        string[] required =
        [
            "ingestion_articles_collected_total", "ingestion_articles_processed_total", "ingestion_feeds_polled_total", "ingestion_feeds_failing",
            "ingestion_feed_fetch_duration_seconds_bucket", "ingestion_articles_duplicate_total", "ingestion_extraction_duration_seconds_bucket",
            "ingestion_latency_collected_to_stored_seconds_bucket", "ingestion_latency_collected_to_alerted_seconds_bucket",
            "ingestion_alerts_delivered_total", "ingestion_incidents_opened_total", "ingestion_queue_depth",
        ];
        var missing = required.Where(r => !series.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "No panel shows " + string.Join(", ", missing));
        Assert.All(series, s => Assert.Contains(PlatformMetricPrefixes, p => s.StartsWith(p, StringComparison.Ordinal)));
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "services", "shared" }.SelectMany(dir => Directory.EnumerateFiles(Path.Combine(TestInfrastructure.RepoRoot, dir), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.EndsWith("IngestionTelemetry.cs", StringComparison.Ordinal));
}
