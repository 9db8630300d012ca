using Ingestion.ServiceDefaults;

namespace Ingestion.Alerting.Delivery;

/// <summary>Wakes the delivery worker as soon as deliveries are recorded.</summary>
public sealed class DeliverySignal : WakeSignal;
