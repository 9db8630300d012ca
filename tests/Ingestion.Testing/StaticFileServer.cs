using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;

namespace Ingestion.Testing;

/// <summary>A real HTTP server on loopback serving a folder (the seed feed and articles).</summary>
public sealed class StaticFileServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private StaticFileServer(WebApplication app) => this.app = app;

    public string BaseUrl => app.Urls.First();

    public static async Task<StaticFileServer> StartAsync(string folder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), ServeUnknownFileTypes = false });
        await app.StartAsync();
        return new StaticFileServer(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
