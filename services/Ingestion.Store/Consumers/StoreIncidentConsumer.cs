using System.Diagnostics;
using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Telemetry;
using Ingestion.Store.Data;
using MassTransit;

namespace Ingestion.Store.Consumers;

/// <summary>
/// Resolves each reported mention into an incident and persists it; events leave through the outbox. An article's
/// mentions come in one message (the FeedWorker's); a single mention is still accepted (older outbox rows, tools).
/// </summary>
public sealed partial class StoreIncidentConsumer(MentionBatcher batcher, TimeProvider time, ILogger<StoreIncidentConsumer> logger)
    : IConsumer<ArticleIncidentsReported>, IConsumer<IncidentReported>
{
    public Task Consume(ConsumeContext<ArticleIncidentsReported> context) => RecordAsync(context.Message.Mentions);

    public Task Consume(ConsumeContext<IncidentReported> context) => RecordAsync([context.Message]);

    private async Task RecordAsync(IReadOnlyList<IncidentReported> mentions)
    {
        // All or none: a message with a mention that cannot be resolved goes to the error queue whole, with the reason.
        foreach (var mention in mentions) MentionValidator.EnsureValid(mention);
        if (mentions.Count == 0) return;
        // MassTransit's consume span ("store-incident process") is this message's span: tagged, not wrapped in another.
        var activity = Activity.Current;
        activity?.SetTag("article.url", mentions[0].ArticleUrl);
        activity?.SetTag("incident.mentions", mentions.Count);
        var outcomes = await Task.WhenAll(mentions.Select(batcher.SubmitAsync));
        for (var i = 0; i < mentions.Count; i++)
        {
            var (mention, outcome) = (mentions[i], outcomes[i]);
            if (outcome.Result == MentionResult.AlreadyRecorded) continue;
            IngestionTelemetry.CollectedToStored.Record((time.GetUtcNow() - mention.CollectedAt).TotalSeconds);
            LogRecorded(outcome.Result, outcome.IncidentId, mention.Kind, mention.Place?.Name, mention.Source);
        }
    }

    [LoggerMessage(LogLevel.Information, "Mention {Result} incident {IncidentId}: {Kind} at {Place} ({Source})")]
    private partial void LogRecorded(MentionResult result, Guid incidentId, string kind, string? place, string source);
}
