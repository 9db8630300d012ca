using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;

namespace Ingestion.Operator.Tests.Dashboards;

/// <summary>
/// The series names the collector's Prometheus exporter (deploy/otel-collector.yaml) gives an OpenTelemetry
/// instrument: dots and other invalid characters become underscores, the unit becomes a suffix, monotonic
/// counters end in _total and histograms become _bucket, _sum and _count.
/// </summary>
public static partial class PrometheusNames
{
    // Only the units the platform uses; an unknown unit fails loudly instead of guessing a wrong suffix.
    private static readonly Dictionary<string, string> UnitSuffixes = new(StringComparer.Ordinal)
    {
        [""] = "", ["s"] = "seconds", ["ms"] = "milliseconds", ["By"] = "bytes", ["1"] = "",
    };

    public static IReadOnlyList<string> For(Instrument instrument)
    {
        var name = InvalidCharacters().Replace(instrument.Name, "_");
        // Annotations in braces ({message}) carry no unit for Prometheus and are dropped.
        var unit = Annotation().Replace(instrument.Unit ?? "", "");
        if (!UnitSuffixes.TryGetValue(unit, out var suffix)) throw new NotSupportedException($"Unit '{instrument.Unit}' of {instrument.Name} has no known Prometheus suffix");
        if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal)) name += "_" + suffix;

        var type = instrument.GetType().GetGenericTypeDefinition();
        if (type == typeof(Counter<>) || type == typeof(ObservableCounter<>)) return [name + "_total"];
        if (type == typeof(Histogram<>)) return [name + "_bucket", name + "_sum", name + "_count"];
        return [name]; // gauges and up-down counters keep the plain name
    }

    [GeneratedRegex("[^a-zA-Z0-9_:]")]
    private static partial Regex InvalidCharacters();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Annotation();
}
