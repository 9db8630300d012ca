using System.Collections.Concurrent;
using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Persistence;
using Ingestion.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.ServiceDefaults.Tests;

/// <summary>
/// The relay over the real PostgreSQL and RabbitMQ, with rows committed while it publishes: every row reaches the
/// broker once and leaves the outbox once published. A relay that deleted fewer rows than it published would publish
/// them again; one that deleted rows it had not published would lose them.
/// </summary>
public sealed class OutboxRelayTests
{
    [Fact]
    public async Task Rows_committed_while_the_relay_publishes_are_each_published_once_and_removed()
    {
        await using var database = new PostgresTestDatabase("relay_rows");
        await using var vhost = await RabbitMqVirtualHost.CreateAsync("relay-rows");
        var received = new ConcurrentDictionary<Guid, int>();
        await using var host = await ServiceTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Bus:Transport"] = "RabbitMq",
                ["ConnectionStrings:RabbitMq"] = vhost.ConnectionString,
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Relay"] = database.ConnectionString,
            },
            builder =>
            {
                builder.AddServiceDefaults();
                builder.AddServiceDatabase<RelayContext>("Relay");
                builder.Services.AddOutboxRelay<RelayContext>();
                builder.Services.AddSingleton(received);
                builder.AddIngestionBus(bus => bus.AddConsumer<CollectedCounter>());
            },
            app => app.MapDefaultEndpoints());

        // More than two relay batches, in commits of 30 racing the relay's reads.
        var ids = Enumerable.Range(0, 330).Select(_ => Guid.NewGuid()).ToList();
        foreach (var chunk in ids.Chunk(30))
        {
            using var scope = host.App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RelayContext>();
            foreach (var id in chunk)
                db.Enqueue(new ArticleCollected { ArticleId = id, FeedUrl = "https://a.example/feed", Url = $"https://a.example/{id}", CollectedAt = DateTimeOffset.UtcNow },
                    DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            host.App.Services.GetRequiredService<OutboxSignal<RelayContext>>().Notify();
        }

        await Eventually.ReturnsAsync(() => Task.FromResult(received.Count), n => n == ids.Count, TimeSpan.FromSeconds(30), "every row published");
        await Task.Delay(TimeSpan.FromSeconds(3)); // a row published twice would arrive by now (the relay polls every second)
        Assert.All(ids, id => Assert.Equal(1, received.GetValueOrDefault(id)));
        using (var scope = host.App.Services.CreateScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<RelayContext>().Outbox.CountAsync());
    }

    private sealed class CollectedCounter(ConcurrentDictionary<Guid, int> received) : IConsumer<ArticleCollected>
    {
        public Task Consume(ConsumeContext<ArticleCollected> context)
        {
            received.AddOrUpdate(context.Message.ArticleId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}
