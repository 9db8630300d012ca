using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Telemetry;
using Ingestion.Store.Data;
using MassTransit;

namespace Ingestion.Store.Consumers;

/// <summary>Resolves each reported mention into an incident and persists it; events leave through the outbox.</summary>
public sealed partial class StoreIncidentConsumer(MentionBatcher batcher, TimeProvider time, ILogger<StoreIncidentConsumer> logger) : IConsumer<IncidentReported>
{
    public async Task Consume(ConsumeContext<IncidentReported> context)
    {
        var mention = context.Message;
        MentionValidator.EnsureValid(mention);
        using var activity = IngestionTelemetry.Source.StartActivity("resolve and persist");
        activity?.SetTag("incident.kind", mention.Kind);
        activity?.SetTag("article.url", mention.ArticleUrl);
        var outcome = await batcher.SubmitAsync(mention);
        activity?.SetTag("incident.id", outcome.IncidentId);
        activity?.SetTag("resolution.result", outcome.Result.ToString());

        if (outcome.Result == MentionResult.AlreadyRecorded) return;
        IngestionTelemetry.CollectedToStored.Record((time.GetUtcNow() - mention.CollectedAt).TotalSeconds);
        LogRecorded(outcome.Result, outcome.IncidentId, mention.Kind, mention.Place?.Name, mention.Source);
    }

    [LoggerMessage(LogLevel.Information, "Mention {Result} incident {IncidentId}: {Kind} at {Place} ({Source})")]
    private partial void LogRecorded(MentionResult result, Guid incidentId, string kind, string? place, string source);
}
