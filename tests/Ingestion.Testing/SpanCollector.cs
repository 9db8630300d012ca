using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ingestion.Testing;

/// <summary>Records every finished span of the platform's sources in this process, across all hosts.</summary>
public sealed class SpanCollector : IDisposable
{
    private static readonly HashSet<string> Sources = ["Ingestion", "MassTransit", "System.Net.Http", "Microsoft.AspNetCore"];
    private readonly ActivityListener listener;

    public SpanCollector()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => Sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Spans.Add(activity),
        };
        ActivitySource.AddActivityListener(listener);
    }

    public ConcurrentBag<Activity> Spans { get; } = [];

    public void Dispose() => listener.Dispose();
}
