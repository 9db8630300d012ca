using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Ingestion.Alerting.Subscriptions;

/// <summary>
/// Guards the subscriptions API with the configured admin key (header X-Api-Key). Only a hash of the
/// key is kept in memory, and comparison takes the same time whatever the input.
/// </summary>
public sealed class ApiKeyFilter(IOptions<AlertingOptions> options) : IEndpointFilter
{
    private readonly byte[]? expectedHash = options.Value.AdminApiKey is { Length: > 0 } key ? Hash(key) : null;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (expectedHash is null)
            return Results.Problem(statusCode: 401, title: "Subscriptions API disabled", detail: "Set Alerting:AdminApiKey to enable it");
        var presented = context.HttpContext.Request.Headers["X-Api-Key"].ToString();
        if (presented.Length == 0 || !CryptographicOperations.FixedTimeEquals(Hash(presented), expectedHash))
            return Results.Problem(statusCode: 401, title: "Missing or wrong API key", detail: "Send the admin key in the X-Api-Key header");
        return await next(context);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
