using System.Diagnostics;
using System.Text.Json;
using Ingestion.Contracts;
using Ingestion.ServiceDefaults.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.ServiceDefaults.Tests;

public sealed class OutboxEnqueueTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    [Fact]
    public async Task Enqueued_message_is_stored_with_its_type_payload_and_the_current_trace()
    {
        connection.Open();
        await using var db = new RelayContext(new DbContextOptionsBuilder<RelayContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();
        using var source = new ActivitySource("outbox-test");
        using var listener = new ActivityListener { ShouldListenTo = _ => true, Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData };
        ActivitySource.AddActivityListener(listener);
        using var activity = source.StartActivity("write");
        var message = new ArticleCollected { ArticleId = Guid.NewGuid(), FeedUrl = "https://a.example/feed", Url = "https://a.example/1", CollectedAt = DateTimeOffset.UnixEpoch };

        db.Enqueue(message, DateTimeOffset.UnixEpoch);
        await db.SaveChangesAsync();

        var stored = Assert.Single(await db.Outbox.AsNoTracking().ToListAsync());
        Assert.Equal(typeof(ArticleCollected).FullName, stored.MessageType);
        Assert.Equal(message, JsonSerializer.Deserialize<ArticleCollected>(stored.Payload));
        Assert.Equal(activity!.Id, stored.TraceParent);
    }

    public void Dispose() => connection.Dispose();
}
