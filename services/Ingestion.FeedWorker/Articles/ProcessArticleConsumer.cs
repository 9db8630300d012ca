using System.Diagnostics;
using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Messaging;
using MassTransit;

namespace Ingestion.FeedWorker.Articles;

/// <summary>Competing consumers: any FeedWorker replica may read any collected article.</summary>
public sealed partial class ProcessArticleConsumer(ArticleProcessor processor, ILogger<ProcessArticleConsumer> logger) : IConsumer<ArticleCollected>
{
    public async Task Consume(ConsumeContext<ArticleCollected> context)
    {
        // MassTransit's consume span ("process-article process") is this article's span: tagged, not wrapped in another.
        var activity = Activity.Current;
        activity?.SetTag("article.url", context.Message.Url);
        activity?.SetTag("feed.url", context.Message.FeedUrl);
        var outcome = await processor.ProcessAsync(context.Message, context.CancellationToken);
        activity?.SetTag("article.result", outcome.Result.ToString());
        activity?.SetTag("article.incidents", outcome.Incidents);
        LogProcessed(context.Message.Url, outcome.Result, outcome.Incidents);
    }

    [LoggerMessage(LogLevel.Information, "Article {Url}: {Result}, {Incidents} incidents")]
    private partial void LogProcessed(string url, ArticleResult result, int incidents);
}

// Reading is mostly waiting on outlets' servers, so many articles are read at once; what they are then
// judged against is committed in batches of whatever is waiting (see ArticleCommitter).
public sealed class ProcessArticleConsumerDefinition() : BatchingConsumerDefinition<ProcessArticleConsumer>(ArticleCommitter.Capacity);
