using Ingestion.Alerting.Consumers;
using Ingestion.Alerting.Data;
using Ingestion.Alerting.Delivery;
using Ingestion.Alerting.Email;
using Ingestion.Alerting.Streaming;
using Ingestion.Alerting.Subscriptions;
using Ingestion.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting;

/// <summary>
/// Alerting: subscriptions and API keys over HTTP, one recorded delivery per matching incident event,
/// signed webhooks and e-mail with retries, digests, and a live stream of events.
/// </summary>
public static class AlertingApplication
{
    public static IHostApplicationBuilder AddAlertingServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertingOptions>().Bind(builder.Configuration.GetSection(AlertingOptions.Section))
            // A replica starts no send its claim may not outlast (see SubscriptionDeliverer): a claim no longer
            // than a send would never send anything.
            .Validate(o => o.ClaimDuration > o.WebhookTimeout && o.ClaimDuration > o.Smtp.Timeout,
                "Alerting:ClaimDuration must be longer than Alerting:WebhookTimeout and Alerting:Smtp:Timeout")
            .ValidateOnStart();
        builder.AddServiceDatabase<AlertingDbContext>("Alerting");
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddSingleton<SubscriptionMatcher>();
        builder.Services.AddSingleton<AlertStream>();
        builder.Services.AddSingleton<StreamQueue>();
        builder.Services.AddScoped<AlertRecorder>();
        builder.Services.AddSingleton<AlertBatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AlertBatcher>());
        builder.Services.AddSingleton<EmailSender>();
        builder.Services.AddScoped<SubscriptionDeliverer>();
        builder.Services.AddHttpClient<WebhookSender>(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookSender.CreateHandler(sp.GetRequiredService<IOptions<AlertingOptions>>().Value.AllowPrivateWebhooks));
        builder.Services.AddHostedService<SubscriptionSeeder>();
        builder.Services.AddHostedService<DeliveryWorker>();
        builder.Services.AddHostedService<DigestWorker>();
        return builder;
    }

    public static void AddAlertingConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<AlertOnIncidentConsumer, AlertOnIncidentConsumerDefinition>();
        // Bound by StreamQueue while stream clients are connected, not at start-up.
        bus.AddConsumer<StreamAlertsConsumer>();
    }

    public static IEndpointRouteBuilder MapAlertingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApiKeyEndpoints();
        app.MapSubscriptionEndpoints();
        app.MapStreamEndpoints();
        return app;
    }
}
