using System.Reflection;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Ingestion.Store.Pages;

/// <summary>
/// The pages, scripts, styles and outline map under wwwroot/, embedded in the Store assembly so every host
/// that maps the Store (its own, the all-in-one host, tests) serves them with no extra files or service.
/// </summary>
internal static class OperatorAssets
{
    private static readonly Assembly Store = typeof(OperatorAssets).Assembly;
    private static readonly EmbeddedFileProvider Files = new(Store, "Ingestion.Store.wwwroot");
    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();
    // Changes with every build, so browsers revalidate after an upgrade and not before.
    private static readonly EntityTagHeaderValue Version = new($"\"{Store.ManifestModule.ModuleVersionId:N}\"");

    public static IResult Serve(string name)
    {
        var file = Files.GetFileInfo(name);
        if (!file.Exists || name.Contains('/') || !ContentTypes.TryGetContentType(name, out var contentType))
            return Results.Problem(statusCode: 404, title: "No such asset", detail: $"'{name}' is not an operator page asset");
        return Results.Stream(file.CreateReadStream(), contentType, entityTag: Version, lastModified: file.LastModified);
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".geojson"] = "application/geo+json";
        provider.Mappings[".html"] = "text/html; charset=utf-8";
        provider.Mappings[".js"] = "text/javascript; charset=utf-8";
        provider.Mappings[".css"] = "text/css; charset=utf-8";
        return provider;
    }
}
