using System.Diagnostics;

namespace Ingestion.ServiceDefaults.Telemetry;

/// <summary>
/// A value handed from the message that brought it to work done elsewhere (a batch loop), with the trace it
/// belongs to, so spans and outbox messages made for it continue that message's trace.
/// </summary>
public readonly record struct Traced<T>(T Value, ActivityContext Trace)
{
    /// <summary>The value with the trace of the current activity, if any.</summary>
    public static Traced<T> Here(T value) => new(value, Activity.Current?.Context ?? default);

    /// <summary>The value in the trace of a W3C traceparent carried with it, else of the current activity.</summary>
    public static Traced<T> Of(T value, string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out var trace) ? new(value, trace) : Here(value);

    /// <summary>A span for work on this value, in its trace; also the parent of what is written to the outbox meanwhile.</summary>
    public Activity? StartActivity(string name) => IngestionTelemetry.Source.StartActivity(name, ActivityKind.Internal, Trace);
}
