using System.Security.Cryptography;
using Ingestion.Alerting.Data;
using Ingestion.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Subscriptions;

/// <summary>Who is calling: the admin (configured key) or the holder of a stored API key.</summary>
public sealed record ApiCaller(bool IsAdmin, Guid? KeyId)
{
    public static ApiCaller Of(HttpContext context) => (ApiCaller)context.Items[typeof(ApiCaller)]!;

    /// <summary>The admin sees every subscription; a key holder only those it created.</summary>
    public bool Owns(Subscription s) => IsAdmin || s.OwnerKeyId == KeyId;
}

/// <summary>
/// Guards the API with header X-Api-Key: the admin key from configuration (only its hash kept in memory)
/// or a subscriber key whose SHA-256 is stored. Comparison with the admin key takes the same time whatever the input.
/// </summary>
public sealed class ApiKeyFilter(IOptions<AlertingOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";
    private readonly byte[]? adminHash = options.Value.AdminApiKey is { Length: > 0 } key ? ApiKeyHash.Of(key) : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = http.Request.Headers[Header].ToString();
        if (presented.Length is 0 or > ApiKeyHash.MaxKeyLength)
            return Results.Problem(statusCode: 401, title: "Missing API key", detail: $"Send an API key in the {Header} header");
        var hash = ApiKeyHash.Of(presented);
        ApiCaller? caller = null;
        if (adminHash is not null && ApiKeyHash.IsOneOf(hash, [adminHash])) caller = new ApiCaller(true, null);
        else
        {
            // A lookup by hash: the stored value is useless to whoever reads the database.
            var hex = Convert.ToHexString(hash);
            var db = http.RequestServices.GetRequiredService<AlertingDbContext>();
            var keyId = await db.ApiKeys.Where(k => k.KeyHash == hex && !k.Revoked).Select(k => (Guid?)k.Id).FirstOrDefaultAsync(http.RequestAborted);
            if (keyId is not null) caller = new ApiCaller(false, keyId);
        }
        if (caller is null) return Results.Problem(statusCode: 401, title: "Wrong API key", detail: "The key is unknown or revoked");
        http.Items[typeof(ApiCaller)] = caller;
        return await next(context);
    }

    public static string NewKey() => "ak_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Runs after <see cref="ApiKeyFilter"/>: only the admin may manage keys.</summary>
public sealed class AdminOnlyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        ApiCaller.Of(context.HttpContext).IsAdmin ? await next(context)
            : Results.Problem(statusCode: 403, title: "Admin only", detail: "API keys are managed with the admin key (Alerting:AdminApiKey)");
}
