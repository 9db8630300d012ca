using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.FeedWorker.Data;

public sealed class FeedsDbContext(DbContextOptions<FeedsDbContext> options) : ServiceDbContext(options), IOutboxContext
{
    public DbSet<FeedRecord> Feeds => Set<FeedRecord>();
    public DbSet<SeenItem> SeenItems => Set<SeenItem>();
    public DbSet<ArticleRecord> Articles => Set<ArticleRecord>();
    public DbSet<ArticleBand> ArticleBands => Set<ArticleBand>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<FeedRecord>(e =>
        {
            e.ToTable("Feeds");
            e.HasKey(f => f.Id);
            e.HasIndex(f => f.Url).IsUnique();
            ComparedAsBytes(e.Property(f => f.Url));
            e.HasIndex(f => new { f.Enabled, f.NextPollAt });
        });
        model.Entity<SeenItem>(e =>
        {
            e.HasKey(s => new { s.FeedId, s.ItemKey });
            ComparedAsBytes(e.Property(s => s.ItemKey));
        });
        model.Entity<ArticleRecord>(e =>
        {
            e.HasKey(a => a.Id);
            // Replicas agree on "same URL" through this constraint, not through memory.
            e.HasIndex(a => a.CanonicalUrl).IsUnique();
            e.HasIndex(a => a.ContentHash);
            ComparedAsBytes(e.Property(a => a.CanonicalUrl));
            ComparedAsBytes(e.Property(a => a.ContentHash));
        });
        model.Entity<ArticleBand>(e =>
        {
            e.HasKey(b => new { b.BandKey, b.ArticleId });
            ComparedAsBytes(e.Property(b => b.BandKey));
        });
        model.MapOutbox();
    }
}
