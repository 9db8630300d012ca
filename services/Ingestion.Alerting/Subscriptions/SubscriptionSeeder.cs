using Ingestion.Alerting.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Subscriptions;

/// <summary>Creates the subscriptions listed in configuration when none of that name exists.</summary>
public sealed class SubscriptionSeeder(IServiceScopeFactory scopes, IOptions<AlertingOptions> options, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Value.Subscriptions.Count == 0) return;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AlertingDbContext>();
        foreach (var seed in options.Value.Subscriptions)
        {
            if (await db.Subscriptions.AnyAsync(s => s.Name == seed.Name, ct)) continue;
            var request = new SubscriptionRequest
            {
                Name = seed.Name, WebhookUrl = seed.WebhookUrl, Email = seed.Email, Secret = seed.Secret,
                Kinds = [.. seed.Kinds], Countries = [.. seed.Countries], NotifyRevisions = seed.NotifyRevisions,
            };
            var errors = request.Validate();
            if (errors.Count > 0) throw new InvalidOperationException($"Alerting:Subscriptions '{seed.Name}': {string.Join("; ", errors.SelectMany(e => e.Value))}");
            db.Subscriptions.Add(request.ToSubscription(null, time.GetUtcNow()));
        }
        await db.SaveChangesAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
