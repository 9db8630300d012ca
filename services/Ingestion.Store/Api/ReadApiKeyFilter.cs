using System.Net.Http.Headers;
using System.Text;
using Ingestion.ServiceDefaults.Security;

namespace Ingestion.Store.Api;

/// <summary>
/// Guards the read API and the operator pages when <c>Store:ReadApiKeys</c> lists key digests. A key is taken from
/// header X-Api-Key, or Authorization: Bearer, or Authorization: Basic with the key as password (any user name).
/// Basic is there for people: a browser opening /ops asks for it once and then sends it on every page, script,
/// fetch and export link by itself, so the pages need no script change and the key never goes into a URL
/// (where proxies and access logs would keep it). Like any header, it is only private over TLS.
/// </summary>
public sealed class ReadApiKeyFilter(IReadOnlyList<byte[]> acceptedHashes) : IEndpointFilter
{
    public const string Header = "X-Api-Key";
    // Basic first: browsers prompt for the first scheme they support; API clients read the problem detail.
    private static readonly string[] Challenges = ["Basic realm=\"Ingestion Store\", charset=\"UTF-8\"", "Bearer realm=\"Ingestion Store\""];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = PresentedKey(http.Request);
        // Nothing here is logged: neither the key nor its digest.
        if (presented is null) return Refuse(http, "Missing API key",
            $"The read API needs a key: header {Header}, Authorization: Bearer, or (browsers) Basic with the key as password");
        if (presented.Length > ApiKeyHash.MaxKeyLength || !ApiKeyHash.IsOneOf(ApiKeyHash.Of(presented), acceptedHashes))
            return Refuse(http, "Wrong API key", "The key is not one of Store:ReadApiKeys");
        // What one key holder was served must not be handed to another by a shared cache.
        http.Response.Headers.CacheControl = "private";
        return await next(context);
    }

    /// <summary>The key the request carries, or null when it carries none.</summary>
    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[Header].ToString() is { Length: > 0 } header) return header;
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var authorization)
            || authorization.Parameter is not { Length: > 0 } parameter) return null;
        if (authorization.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return parameter;
        if (!authorization.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)) return null;
        // user:password, base64; the user name is whatever the person typed and is not looked at.
        var buffer = new byte[parameter.Length];
        if (!Convert.TryFromBase64String(parameter, buffer, out var length)) return null;
        return Encoding.UTF8.GetString(buffer, 0, length).Split(':', 2) is [_, { Length: > 0 } password] ? password : null;
    }

    /// <summary>401 for a missing and a wrong key alike, so a browser asks again rather than keeping a wrong password.</summary>
    private static IResult Refuse(HttpContext http, string title, string detail)
    {
        http.Response.Headers.WWWAuthenticate = Challenges;
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail);
    }
}

public static class ReadApiAccess
{
    /// <summary>Keys every endpoint of <paramref name="group"/> when Store:ReadApiKeys lists digests; leaves it public otherwise.</summary>
    public static RouteGroupBuilder RequireReadApiKeyWhenConfigured(this RouteGroupBuilder group)
    {
        var configuration = ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<IConfiguration>();
        var options = configuration.GetSection(StoreReadApiOptions.Section).Get<StoreReadApiOptions>() ?? new StoreReadApiOptions();
        var accepted = options.AcceptedHashes();
        if (accepted.Count > 0) group.AddEndpointFilter(new ReadApiKeyFilter(accepted));
        return group;
    }
}
