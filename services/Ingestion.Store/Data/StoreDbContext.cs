using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Store.Data;

public sealed class StoreDbContext(DbContextOptions<StoreDbContext> options) : ServiceDbContext(options), IOutboxContext
{
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<MentionRecord> Mentions => Set<MentionRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<IncidentRecord>(e =>
        {
            e.HasKey(i => i.Id);
            e.HasIndex(i => new { i.Date, i.Kind });
            e.HasIndex(i => i.Country);
        });
        model.Entity<MentionRecord>(e =>
        {
            // The mention id is the idempotency key: a redelivered message hits this primary key.
            e.HasKey(m => m.MentionId);
            e.HasIndex(m => m.IncidentId);
            // Candidate search: a date range first, then a bounding box.
            e.HasIndex(m => new { m.AnchorDate, m.Lat, m.Lon });
        });
        model.MapOutbox();
    }
}
