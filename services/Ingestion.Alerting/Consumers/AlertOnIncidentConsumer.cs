using Ingestion.Alerting.Delivery;
using Ingestion.Contracts;
using MassTransit;

namespace Ingestion.Alerting.Consumers;

/// <summary>
/// Hands each incident event to the batch that records its deliveries (see <see cref="AlertRecorder"/>), on
/// purpose without the message's cancellation (see <see cref="ServiceDefaults.Persistence.GroupCommit{TItem,TResult}.SubmitAsync"/>).
/// </summary>
public sealed class AlertOnIncidentConsumer(AlertBatcher batcher) : IConsumer<IncidentOpened>, IConsumer<IncidentRevised>
{
    public Task Consume(ConsumeContext<IncidentOpened> context) =>
        batcher.SubmitAsync(new IncidentEvent(context.Message.Incident, null, context.Message.CollectedAt));

    public Task Consume(ConsumeContext<IncidentRevised> context) =>
        batcher.SubmitAsync(new IncidentEvent(context.Message.Incident, context.Message.Changes, context.Message.CollectedAt));
}
