using Ingestion.ServiceDefaults.Outbox;
using Ingestion.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.ServiceDefaults.Tests;

/// <summary>A service's DbContext reduced to its outbox table: what the outbox and its relay need.</summary>
public sealed class RelayContext(DbContextOptions<RelayContext> options) : ServiceDbContext(options), IOutboxContext
{
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    protected override void OnModelCreating(ModelBuilder model) => model.MapOutbox();
}
