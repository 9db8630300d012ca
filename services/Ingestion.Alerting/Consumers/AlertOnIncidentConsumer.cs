using Ingestion.Alerting.Delivery;
using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Telemetry;
using MassTransit;

namespace Ingestion.Alerting.Consumers;

/// <summary>
/// Hands each incident event to the batch that records its deliveries (see <see cref="AlertRecorder"/>), on
/// purpose without the message's cancellation (see <see cref="ServiceDefaults.Persistence.GroupCommit{TItem,TResult}.SubmitAsync(TItem)"/>).
/// </summary>
public sealed class AlertOnIncidentConsumer(AlertBatcher batcher) : IConsumer<IncidentsChanged>, IConsumer<IncidentOpened>, IConsumer<IncidentRevised>
{
    /// <summary>
    /// A Store batch's events, each in the trace of its own mention. The message is done when every event is
    /// recorded; if one fails, the retry hands them all in again and the decider drops those already recorded.
    /// </summary>
    public Task Consume(ConsumeContext<IncidentsChanged> context) => Task.WhenAll(
        context.Message.Opened.Select(o => batcher.SubmitAsync(Traced<IncidentEvent>.Of(IncidentEvent.Of(o), o.TraceParent)))
            .Concat(context.Message.Revised.Select(r => batcher.SubmitAsync(Traced<IncidentEvent>.Of(IncidentEvent.Of(r), r.TraceParent)))));

    public Task Consume(ConsumeContext<IncidentOpened> context) => batcher.SubmitAsync(IncidentEvent.Of(context.Message));

    public Task Consume(ConsumeContext<IncidentRevised> context) => batcher.SubmitAsync(IncidentEvent.Of(context.Message));
}
