using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Telemetry;
using Ingestion.ServiceDefaults.Messaging;
using MassTransit;

namespace Ingestion.FeedWorker.Articles;

/// <summary>Competing consumers: any FeedWorker replica may read any collected article.</summary>
public sealed partial class ProcessArticleConsumer(ArticleProcessor processor, ILogger<ProcessArticleConsumer> logger) : IConsumer<ArticleCollected>
{
    public async Task Consume(ConsumeContext<ArticleCollected> context)
    {
        using var activity = IngestionTelemetry.Source.StartActivity("process article");
        activity?.SetTag("article.url", context.Message.Url);
        activity?.SetTag("feed.url", context.Message.FeedUrl);
        var (result, incidents) = await processor.ProcessAsync(context.Message, context.CancellationToken);
        activity?.SetTag("article.result", result.ToString());
        activity?.SetTag("article.incidents", incidents);
        LogProcessed(context.Message.Url, result, incidents);
    }

    [LoggerMessage(LogLevel.Information, "Article {Url}: {Result}, {Incidents} incidents")]
    private partial void LogProcessed(string url, ArticleResult result, int incidents);
}

public sealed class ProcessArticleConsumerDefinition : ConsumerDefinition<ProcessArticleConsumer>
{
    public ProcessArticleConsumerDefinition() => ConcurrentMessageLimit = 4;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<ProcessArticleConsumer> consumer, IRegistrationContext context) =>
        endpoint.UseIngestionRetry();
}
