using Ingestion.Contracts;
using Ingestion.Dedupe;
using Ingestion.FeedWorker.Articles;
using Ingestion.FeedWorker.Data;
using Ingestion.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ingestion.FeedWorker.Tests;

/// <summary>
/// On SQLite (the embedded mode), a wire copy judged after its original was saved is found through the band keys
/// saved with the original. On PostgreSQL, where the keys go in one statement of their own, DuplicateArticleTests
/// shows it through the worker itself.
/// </summary>
public sealed class StoredCopyTests
{
    private static readonly IOptions<FeedWorkerOptions> Options = Microsoft.Extensions.Options.Options.Create(new FeedWorkerOptions());

    [Fact]
    public async Task On_SQLite_a_copy_read_later_is_linked_to_the_saved_original()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await AssertCopyFoundAsync(() => new FeedsDbContext(new DbContextOptionsBuilder<FeedsDbContext>().UseSqlite(connection).Options));
    }

    private static async Task AssertCopyFoundAsync(Func<FeedsDbContext> open)
    {
        var story = TestInfrastructure.SeedArticle("002_");
        var other = TestInfrastructure.SeedArticle("004_");
        var original = Prepared("https://a.example/story", story);
        await using (var db = open())
        {
            await db.Database.EnsureCreatedAsync();
            await SaveAsync(db, [original, Prepared("https://c.example/other", other)]);
        }

        var copy = Prepared("https://b.example/copy", story.Replace("أعلنت", "قالت") + "\nوتابع المصدر أن التحقيقات جارية.");
        var unrelated = Prepared("https://b.example/unrelated", TestInfrastructure.SeedArticle("001_"));
        await using (var db = open())
        {
            var verdicts = await new ArticleDeduplicator(db, Options).JudgeAsync([copy, unrelated], CancellationToken.None);
            Assert.Equal(Verdict.Duplicate, verdicts[0].Kind);
            Assert.Equal(("near", original.Article.ArticleId), (verdicts[0].Copy!.Reason, verdicts[0].Copy!.OriginalId));
            Assert.Equal(Verdict.Original, verdicts[1].Kind);
            // Sixteen bands, one key each, for each of the two originals saved.
            Assert.Equal(2 * ArticleFingerprint.Bands, await db.ArticleBands.CountAsync());
        }
    }

    /// <summary>What ArticleCommitter does with originals: judge, save the rows, index them, write the keys, commit.</summary>
    private static async Task SaveAsync(FeedsDbContext db, IReadOnlyList<PreparedArticle> batch)
    {
        var dedupe = new ArticleDeduplicator(db, Options);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var verdicts = await dedupe.JudgeAsync(batch, CancellationToken.None);
        Assert.All(verdicts, v => Assert.Equal(Verdict.Original, v.Kind));
        foreach (var article in batch)
        {
            var record = article.ToRecord();
            db.Articles.Add(record);
            dedupe.Index(record, article.Signature!);
        }
        await dedupe.SaveIndexAsync(CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static PreparedArticle Prepared(string url, string text)
    {
        var collected = new ArticleCollected { ArticleId = Guid.NewGuid(), FeedUrl = "https://feed.example/rss", Url = url, CollectedAt = DateTimeOffset.UtcNow };
        return new PreparedArticle(collected, url, new Uri(url).Host, DateTimeOffset.UtcNow, ArticleFingerprint.ContentHash(text),
            ArticleFingerprint.MinHashSignature(text), DateOnly.FromDateTime(DateTime.UtcNow), [], null);
    }
}
