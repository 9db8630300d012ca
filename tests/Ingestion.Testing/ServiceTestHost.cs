using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingestion.Testing;

/// <summary>
/// A real service host on a free loopback port, composed exactly as its Program.cs composes it
/// (the configure callbacks are the same Add*/Map* calls), with test configuration on top.
/// </summary>
public sealed class ServiceTestHost : IAsyncDisposable
{
    private ServiceTestHost(WebApplication app) => App = app;

    public WebApplication App { get; }

    public Uri BaseAddress => new(App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public static async Task<ServiceTestHost> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        // Tests poll the APIs far faster than a client should; a test about limits sets its own.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["RateLimits:PermitsPerWindow"] = "1000000" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new ServiceTestHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
    }
}
