using System.Diagnostics.Metrics;

namespace Ingestion.Operator.Tests.Dashboards;

/// <summary>The two translations the panel test rests on: PromQL to metric names, instruments to Prometheus series.</summary>
public sealed class PromQlMetricNamesTests
{
    [Theory]
    [InlineData("sum(increase(ingestion_articles_collected_total[$__range]))", "ingestion_articles_collected_total")]
    [InlineData("sum by (le, status) (rate(ingestion_feed_fetch_duration_seconds_bucket[$__rate_interval]))", "ingestion_feed_fetch_duration_seconds_bucket")]
    [InlineData("sum(rate(a_total{outcome=\"delivered\"}[5m])) / on() group_left() sum(rate(b_total{outcome=~\"x|y\"}[5m]))", "a_total b_total")]
    [InlineData("histogram_quantile(0.95, sum by (le) (rate(h_bucket[1m]))) * 1e3", "h_bucket")]
    [InlineData("sum without (instance) (g) > bool 0 offset 5m", "g")]
    public void Finds_metric_selectors_and_ignores_functions_labels_and_keywords(string expr, string expected) =>
        Assert.Equal(expected.Split(' ').Order(), PromQlMetricNames.Of(expr).Order());

    [Fact]
    public void A_misspelt_metric_in_a_panel_is_reported_as_not_emitted()
    {
        var emitted = EmittedMetrics.SeriesNames();
        var names = PromQlMetricNames.Of("sum(rate(ingestion_articles_colected_total[5m]))");
        Assert.Contains(names, n => !emitted.ContainsKey(n));
    }

    [Fact]
    public void Counters_get_total_histograms_get_unit_and_bucket_series_gauges_stay_plain()
    {
        using var meter = new Meter("naming-test");
        Assert.Equal(["x_polled_total"], PrometheusNames.For(meter.CreateCounter<long>("x.polled")));
        Assert.Equal(["x_fetch_duration_seconds_bucket", "x_fetch_duration_seconds_sum", "x_fetch_duration_seconds_count"],
            PrometheusNames.For(meter.CreateHistogram<double>("x.fetch.duration", "s")));
        Assert.Equal(["x_queue_depth"], PrometheusNames.For(meter.CreateObservableGauge("x.queue.depth", () => 1L, "{message}")));
        Assert.Equal(["x_in_flight"], PrometheusNames.For(meter.CreateUpDownCounter<int>("x.in-flight")));
    }

    [Fact]
    public void Every_ingestion_instrument_has_a_translatable_unit()
    {
        var instruments = EmittedMetrics.Instruments();
        Assert.Contains(instruments, i => i.Name == "ingestion.queue.depth");
        Assert.All(instruments, i => Assert.NotEmpty(PrometheusNames.For(i)));
    }
}
