using Ingestion.Alerting.Consumers;
using Ingestion.Alerting.Data;
using Ingestion.Alerting.Delivery;
using Ingestion.Alerting.Subscriptions;
using Ingestion.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting;

/// <summary>Alerting: subscriptions over HTTP, one recorded delivery per matching incident event, signed webhooks with retries.</summary>
public static class AlertingApplication
{
    public static IHostApplicationBuilder AddAlertingServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AlertingOptions>(builder.Configuration.GetSection(AlertingOptions.Section));
        builder.AddServiceDatabase<AlertingDbContext>("Alerting");
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddHttpClient<WebhookSender>(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookSender.CreateHandler(sp.GetRequiredService<IOptions<AlertingOptions>>().Value.AllowPrivateWebhooks));
        builder.Services.AddHostedService<SubscriptionSeeder>();
        builder.Services.AddHostedService<DeliveryWorker>();
        return builder;
    }

    public static void AddAlertingConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<AlertOnIncidentConsumer, AlertOnIncidentConsumerDefinition>();

    public static IEndpointRouteBuilder MapAlertingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapSubscriptionEndpoints();
        return app;
    }
}
