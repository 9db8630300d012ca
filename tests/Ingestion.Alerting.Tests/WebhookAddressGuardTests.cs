using Ingestion.Alerting;
using Ingestion.Alerting.Data;
using Ingestion.Alerting.Delivery;
using Ingestion.Testing;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Tests;

/// <summary>The webhook client's address guard, against a real receiver on loopback.</summary>
public sealed class WebhookAddressGuardTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Webhooks_to_loopback_are_refused_unless_private_addresses_are_allowed(bool allowPrivate, bool delivered)
    {
        await using var receiver = await ScriptedWebhookReceiver.StartAsync();
        using var http = new HttpClient(WebhookSender.CreateHandler(allowPrivate));
        var sender = new WebhookSender(http, Options.Create(new AlertingOptions()), TimeProvider.System);
        var subscription = new Subscription { Name = "guard", WebhookUrl = receiver.Url, Secret = WebhookSignature.NewSecret(), FilterJson = "{}" };
        var delivery = new Data.Delivery { SubscriptionId = Guid.NewGuid(), IncidentId = Guid.NewGuid(), Revision = 1, EventType = "incident.opened", Payload = "{}" };

        var result = await sender.SendAsync(subscription, delivery, CancellationToken.None);

        Assert.Equal(delivered, result.Delivered);
        Assert.Equal(delivered ? 1 : 0, receiver.Attempts.Count);
        if (!delivered) Assert.Contains("non-public address", result.Error);
    }
}
