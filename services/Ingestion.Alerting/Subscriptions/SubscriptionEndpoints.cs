using System.Text.Json;
using Ingestion.Alerting.Data;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Alerting.Subscriptions;

public static class SubscriptionEndpoints
{
    public static void MapSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/subscriptions").AddEndpointFilter<ApiKeyFilter>();

        api.MapPost("/", async (SubscriptionRequest request, AlertingDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var errors = request.Validate();
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid subscription");
            if (await db.Subscriptions.AnyAsync(s => s.Name == request.Name!.Trim(), ct))
                return Results.Problem(statusCode: 409, title: "Name taken", detail: $"A subscription named '{request.Name}' exists");
            var subscription = request.ToSubscription(time.GetUtcNow());
            db.Subscriptions.Add(subscription);
            await db.SaveChangesAsync(ct);
            // The secret is shown once, at creation, like an API key.
            return Results.Created($"/subscriptions/{subscription.Id}", new { view = View(subscription), secret = subscription.Secret });
        });

        api.MapGet("/", async (AlertingDbContext db, CancellationToken ct) =>
            (await db.Subscriptions.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct)).Select(View));

        api.MapGet("/{id:guid}", async (Guid id, AlertingDbContext db, CancellationToken ct) =>
            await db.Subscriptions.FindAsync([id], ct) is { } s ? Results.Ok(View(s)) : NotFound(id));

        api.MapDelete("/{id:guid}", async (Guid id, AlertingDbContext db, CancellationToken ct) =>
        {
            var s = await db.Subscriptions.FindAsync([id], ct);
            if (s is null) return NotFound(id);
            db.Subscriptions.Remove(s);
            await db.Deliveries.Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Pending).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            return Results.NoContent();
        });

        api.MapGet("/{id:guid}/deliveries", async (Guid id, AlertingDbContext db, CancellationToken ct) =>
            await db.Deliveries.AsNoTracking().Where(d => d.SubscriptionId == id).OrderByDescending(d => d.Id).Take(200)
                .Select(d => new { d.Id, d.IncidentId, d.Revision, d.EventType, Status = d.Status.ToString(), d.Attempts, d.ResponseCode, d.LastError, d.CreatedAt, d.DeliveredAt })
                .ToListAsync(ct));
    }

    private static IResult NotFound(Guid id) => Results.Problem(statusCode: 404, title: "No such subscription", detail: $"No subscription {id}");

    private static object View(Subscription s) => new
    {
        s.Id, s.Name, s.WebhookUrl,
        Kinds = JsonSerializer.Deserialize<string[]>(s.KindsJson), Countries = JsonSerializer.Deserialize<string[]>(s.CountriesJson),
        s.MinKilled, s.NotifyRevisions, s.Enabled, s.DisabledReason, s.CreatedAt,
    };
}
