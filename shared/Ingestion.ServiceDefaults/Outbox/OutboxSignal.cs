namespace Ingestion.ServiceDefaults.Outbox;

/// <summary>Wakes the relay of one DbContext right after a commit, so the outbox adds no polling delay.</summary>
public sealed class OutboxSignal<TContext> : WakeSignal;
