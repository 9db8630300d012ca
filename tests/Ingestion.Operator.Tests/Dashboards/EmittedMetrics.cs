using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Ingestion.ServiceDefaults.Telemetry;

namespace Ingestion.Operator.Tests.Dashboards;

/// <summary>
/// The Prometheus series the code emits, read from the instruments the "Ingestion" meter really creates
/// (a MeterListener sees each one published), not from a list kept by hand.
/// </summary>
public static class EmittedMetrics
{
    public static IReadOnlyList<Instrument> Instruments()
    {
        // The instruments are static fields: make sure they exist before listening.
        RuntimeHelpers.RunClassConstructor(typeof(IngestionTelemetry).TypeHandle);
        var found = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) => { if (instrument.Meter.Name == IngestionTelemetry.Name) lock (found) found.Add(instrument); },
        };
        listener.Start();
        return found;
    }

    public static IReadOnlyDictionary<string, Instrument> SeriesNames() =>
        Instruments().SelectMany(i => PrometheusNames.For(i).Select(name => (name, i))).ToDictionary(x => x.name, x => x.i);
}
