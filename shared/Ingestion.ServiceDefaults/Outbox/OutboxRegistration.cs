using Ingestion.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.ServiceDefaults.Outbox;

public static class OutboxRegistration
{
    public static IServiceCollection AddOutboxRelay<TContext>(this IServiceCollection services)
        where TContext : ServiceDbContext, IOutboxContext
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddSingleton<OutboxSignal<TContext>>();
        services.AddHostedService<OutboxRelay<TContext>>();
        return services;
    }

    public static void MapOutbox(this ModelBuilder model) =>
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("Outbox");
            e.HasKey(m => m.Id);
        });
}
