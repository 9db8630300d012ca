using Ingestion.Alerting.Data;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Alerting.Subscriptions;

/// <summary>Create, list, read, replace and delete subscriptions; rotate a secret; read the delivery log.</summary>
public static class SubscriptionEndpoints
{
    public sealed record RotateRequest(double? GraceHours);

    public static void MapSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/subscriptions").AddEndpointFilter<ApiKeyFilter>();

        api.MapPost("/", async (SubscriptionRequest request, HttpContext http, AlertingDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var errors = request.Validate();
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid subscription");
            if (await db.Subscriptions.AnyAsync(s => s.Name == request.Name!.Trim(), ct)) return NameTaken(request.Name!);
            var subscription = request.ToSubscription(ApiCaller.Of(http).KeyId, time.GetUtcNow());
            db.Subscriptions.Add(subscription);
            await db.SaveChangesAsync(ct);
            // The secret is shown once, at creation, like an API key.
            return Results.Created($"/subscriptions/{subscription.Id}", new { subscription = SubscriptionView.Of(subscription), secret = subscription.Secret });
        });

        api.MapGet("/", async (HttpContext http, AlertingDbContext db, CancellationToken ct) =>
        {
            var caller = ApiCaller.Of(http);
            var query = db.Subscriptions.AsNoTracking();
            if (!caller.IsAdmin) query = query.Where(s => s.OwnerKeyId == caller.KeyId);
            return (await query.OrderBy(s => s.Name).ToListAsync(ct)).Select(SubscriptionView.Of);
        });

        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, AlertingDbContext db, CancellationToken ct) =>
            await FindAsync(id, http, db, ct) is { } s ? Results.Ok(SubscriptionView.Of(s)) : NotFound(id));

        api.MapPut("/{id:guid}", async (Guid id, SubscriptionRequest request, HttpContext http, AlertingDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            if (await FindAsync(id, http, db, ct) is not { } s) return NotFound(id);
            var errors = request.Validate();
            errors.Remove("secret");
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid subscription");
            if (await db.Subscriptions.AnyAsync(o => o.Id != id && o.Name == request.Name!.Trim(), ct)) return NameTaken(request.Name!);
            request.ApplyTo(s, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return Results.Ok(SubscriptionView.Of(s));
        });

        api.MapDelete("/{id:guid}", async (Guid id, HttpContext http, AlertingDbContext db, CancellationToken ct) =>
        {
            if (await FindAsync(id, http, db, ct) is not { } s) return NotFound(id);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Deliveries.Where(d => d.SubscriptionId == id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Queued)).ExecuteDeleteAsync(ct);
            db.Subscriptions.Remove(s);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Results.NoContent();
        });

        // The old secret keeps signing (a second v1 signature) during the grace period, so receivers switch without a gap.
        api.MapPost("/{id:guid}/rotate-secret", async (Guid id, RotateRequest? request, HttpContext http, AlertingDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            if (await FindAsync(id, http, db, ct) is not { } s) return NotFound(id);
            var grace = request?.GraceHours ?? 24;
            if (grace is < 0 or > 24 * 30)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["graceHours"] = ["0 to 720"] }, title: "Invalid rotation");
            var now = time.GetUtcNow();
            s.PreviousSecret = grace > 0 ? s.Secret : null;
            s.PreviousSecretUntil = grace > 0 ? now.AddHours(grace) : null;
            s.Secret = WebhookSignature.NewSecret();
            s.ChangeStamp = now.UtcTicks;
            await db.SaveChangesAsync(ct);
            return Results.Ok(new { secret = s.Secret, previousSecretValidUntil = s.PreviousSecretUntil });
        });

        api.MapGet("/{id:guid}/deliveries", async (Guid id, string? status, int? limit, long? before, HttpContext http, AlertingDbContext db, CancellationToken ct) =>
        {
            if (await FindAsync(id, http, db, ct) is null) return NotFound(id);
            DeliveryStatus? wanted = null;
            if (status is not null)
            {
                if (!Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var parsed))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of {string.Join(", ", Enum.GetNames<DeliveryStatus>())}"] }, title: "Invalid query");
                wanted = parsed;
            }
            var query = db.Deliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
            if (wanted is { } w) query = query.Where(d => d.Status == w);
            if (before is { } b) query = query.Where(d => d.Id < b);
            var rows = await query.OrderByDescending(d => d.Id).Take(Math.Clamp(limit ?? 100, 1, 500))
                .Select(d => new { d.Id, d.IncidentId, d.Revision, d.EventType, d.Status, d.Attempts, d.ResponseCode, d.LastError, d.NextAttemptAt, d.LastAttemptAt, d.CreatedAt, d.DeliveredAt, d.DigestId })
                .ToListAsync(ct);
            return Results.Ok(rows.Select(d => new { d.Id, d.IncidentId, d.Revision, d.EventType, Status = d.Status.ToString(), d.Attempts, d.ResponseCode, d.LastError, d.NextAttemptAt, d.LastAttemptAt, d.CreatedAt, d.DeliveredAt, d.DigestId }));
        });
    }

    private static async Task<Subscription?> FindAsync(Guid id, HttpContext http, AlertingDbContext db, CancellationToken ct) =>
        await db.Subscriptions.FindAsync([id], ct) is { } s && ApiCaller.Of(http).Owns(s) ? s : null;

    // Another key's subscription answers 404 like a missing one: its existence is not disclosed.
    private static IResult NotFound(Guid id) => Results.Problem(statusCode: 404, title: "No such subscription", detail: $"No subscription {id}");

    private static IResult NameTaken(string name) => Results.Problem(statusCode: 409, title: "Name taken", detail: $"A subscription named '{name.Trim()}' exists");
}

public static class SubscriptionView
{
    public static object Of(Subscription s) => new
    {
        s.Id, s.Name, Channel = s.Email is null ? "webhook" : "email", s.WebhookUrl, s.Email,
        Filter = AlertFilterJson.Read(s.FilterJson), s.DigestMinutes, s.RateLimitPerMinute,
        s.Enabled, s.DisabledReason, s.CreatedAt, PreviousSecretValidUntil = s.PreviousSecretUntil,
    };
}
