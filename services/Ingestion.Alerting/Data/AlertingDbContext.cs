using Ingestion.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Alerting.Data;

public sealed class AlertingDbContext(DbContextOptions<AlertingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Subscription>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.Name).IsUnique();
            e.HasIndex(s => s.OwnerKeyId);
        });
        model.Entity<Delivery>(e =>
        {
            e.HasKey(d => d.Id);
            // At most one alert per subscription, incident and revision, whatever the bus redelivers.
            e.HasIndex(d => new { d.SubscriptionId, d.IncidentId, d.Revision }).IsUnique();
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
            e.HasIndex(d => new { d.SubscriptionId, d.LastAttemptAt });
            e.Ignore(d => d.MessageId);
        });
        model.Entity<ApiKey>(e =>
        {
            e.HasKey(k => k.Id);
            e.HasIndex(k => k.KeyHash).IsUnique();
            ComparedAsBytes(e.Property(k => k.KeyHash));
        });
    }
}
