using Ingestion.ServiceDefaults.Security;
using Ingestion.Alerting.Data;
using Microsoft.EntityFrameworkCore;

namespace Ingestion.Alerting.Subscriptions;

/// <summary>Subscriber keys, managed by the admin: each key is shown once, at creation, and stored hashed.</summary>
public static class ApiKeyEndpoints
{
    public sealed record ApiKeyRequest(string? Name);

    public static void MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api-keys").AddEndpointFilter<ApiKeyFilter>().AddEndpointFilter<AdminOnlyFilter>();

        api.MapPost("/", async (ApiKeyRequest request, AlertingDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Required, at most 200 characters"] }, title: "Invalid API key request");
            var key = ApiKeyFilter.NewKey();
            var record = new ApiKey { Id = Guid.NewGuid(), Name = request.Name.Trim(), KeyHash = Convert.ToHexString(ApiKeyHash.Of(key)), CreatedAt = time.GetUtcNow() };
            db.ApiKeys.Add(record);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/api-keys/{record.Id}", new { record.Id, record.Name, key });
        });

        api.MapGet("/", async (AlertingDbContext db, CancellationToken ct) =>
            await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).Select(k => new { k.Id, k.Name, k.CreatedAt, k.Revoked }).ToListAsync(ct));

        api.MapDelete("/{id:guid}", async (Guid id, AlertingDbContext db, CancellationToken ct) =>
        {
            var revoked = await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(k => k.SetProperty(x => x.Revoked, true), ct);
            return revoked == 0 ? Results.Problem(statusCode: 404, title: "No such API key") : Results.NoContent();
        });
    }
}
