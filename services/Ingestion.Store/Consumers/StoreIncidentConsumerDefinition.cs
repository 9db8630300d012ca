using Ingestion.ServiceDefaults.Messaging;

namespace Ingestion.Store.Consumers;

/// <summary>Mentions taken at once are resolved together, one transaction per batch (see MentionBatcher).</summary>
public sealed class StoreIncidentConsumerDefinition() : BatchingConsumerDefinition<StoreIncidentConsumer>(MentionBatcher.Capacity);
