namespace Ingestion.ServiceDefaults.Messaging;

/// <summary>
/// A message that can never be processed as it is. It is not retried: it goes straight to the
/// endpoint's _error queue, where its reason (this message) travels in the fault headers.
/// </summary>
public sealed class InvalidMessageException(string reason) : Exception(reason);
