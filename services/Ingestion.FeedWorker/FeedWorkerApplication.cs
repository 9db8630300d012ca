using Ingestion.Extraction;
using Ingestion.Feeds;
using Ingestion.FeedWorker.Api;
using Ingestion.FeedWorker.Articles;
using Ingestion.FeedWorker.Data;
using Ingestion.FeedWorker.Polling;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Ingestion.FeedWorker;

/// <summary>FeedWorker: polls feeds, reads each new article, drops duplicates, extracts incidents and publishes them.</summary>
public static class FeedWorkerApplication
{
    public static IHostApplicationBuilder AddFeedWorkerServices(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<FeedWorkerOptions>(builder.Configuration.GetSection(FeedWorkerOptions.Section));
        builder.AddServiceDatabase<FeedsDbContext>("Feeds");
        builder.Services.AddSingleton(sp => new SafeFetcher(sp.GetRequiredService<IOptions<FeedWorkerOptions>>().Value.Fetcher, sp.GetRequiredService<TimeProvider>()));
        // The dictionaries load once (well under a second) and are shared by every consumer.
        builder.Services.AddSingleton(_ => IncidentExtractor.Load());
        builder.Services.AddScoped<ArticleTextReader>();
        builder.Services.AddScoped<ArticleDeduplicator>();
        builder.Services.AddScoped<ArticleProcessor>();
        builder.Services.AddSingleton<ArticleCommitter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ArticleCommitter>());
        builder.Services.AddScoped<FeedPollService>();
        builder.Services.AddSingleton<FeedPollWakeSignal>();
        builder.Services.AddOutboxRelay<FeedsDbContext>();
        builder.Services.AddHostedService<FeedCatalog>();
        builder.Services.AddHostedService<FeedPoller>();
        return builder;
    }

    public static void AddFeedWorkerConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<ProcessArticleConsumer, ProcessArticleConsumerDefinition>();

    public static IEndpointRouteBuilder MapFeedWorkerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapFeedEndpoints();
        return app;
    }
}
