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
        builder.Services.AddScoped<IIncidentStore, EfIncidentStore>();
        builder.Services.AddOutboxRelay<StoreDbContext>();
        builder.AddOperatorPages();
        return builder;
    }

    public static void AddStoreConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<StoreIncidentConsumer, StoreIncidentConsumerDefinition>();

    public static IEndpointRouteBuilder MapStoreEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapIncidentEndpoints();
        app.MapExportEndpoints();
        app.MapOperatorPages();
        return app;
    }
}
