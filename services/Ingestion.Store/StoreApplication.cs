using Ingestion.Resolution;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Persistence;
using Ingestion.Store.Api;
using Ingestion.Store.Consumers;
using Ingestion.Store.Data;
using Ingestion.Store.Pages;
using MassTransit;

namespace Ingestion.Store;

/// <summary>The Store: resolves incident mentions into incidents, persists them and serves the read API.</summary>
public static class StoreApplication
{
    public static IHostApplicationBuilder AddStoreServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<StoreDbContext>("Store");
        builder.Services.AddSingleton(new IncidentResolver(ResolverOptions.Default));
        builder.Services.AddSingleton(services => KeptBetweenBatches.Pool(services.GetRequiredService<IncidentResolver>()));
        builder.Services.AddScoped<IIncidentStore, EfIncidentStore>();
        builder.Services.AddSingleton<MentionBatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MentionBatcher>());
        builder.Services.AddOutboxRelay<StoreDbContext>();
        builder.AddOperatorPages();
        return builder;
    }

    public static void AddStoreConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<StoreIncidentConsumer, StoreIncidentConsumerDefinition>();

    public static IEndpointRouteBuilder MapStoreEndpoints(this IEndpointRouteBuilder app)
    {
        // Everything the Store maps is read API or operator page, public unless Store:ReadApiKeys is set;
        // the health probes (MapDefaultEndpoints) are outside this group and stay open for orchestrators.
        var read = app.MapGroup("").RequireReadApiKeyWhenConfigured();
        read.MapIncidentEndpoints();
        read.MapExportEndpoints();
        read.MapOperatorPages();
        return app;
    }
}
