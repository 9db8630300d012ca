using Ingestion.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Alerting.Data;

public sealed class AlertingDbContext(DbContextOptions<AlertingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Subscription>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.Name).IsUnique();
        });
        model.Entity<Delivery>(e =>
        {
            e.HasKey(d => d.Id);
            // At most one alert per subscription, incident and revision, whatever the bus redelivers.
            e.HasIndex(d => new { d.SubscriptionId, d.IncidentId, d.Revision }).IsUnique();
            e.HasIndex(d => new { d.Status, d.NextAttemptAt });
        });
    }
}
