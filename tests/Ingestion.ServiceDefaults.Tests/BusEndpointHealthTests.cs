using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Ingestion.ServiceDefaults.Messaging;
using Ingestion.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Ingestion.ServiceDefaults.Tests;

/// <summary>
/// The "bus-endpoints" check and the watchdog on a real bus over a vhost of the real RabbitMQ: a receive endpoint
/// left stopped (what MassTransit issue 6001 leaves behind) against one that MassTransit recovers by itself.
/// </summary>
[Collection(ExitCodeCollection.Name)]
public sealed class BusEndpointHealthTests(ITestOutputHelper output) : IAsyncLifetime
{
    internal const string EndpointsCheck = "bus-endpoints";
    private RabbitMqVirtualHost vhost = null!;

    public sealed record Ping(Guid Id);
    public sealed record Pong(Guid Id);

    /// <summary>Ids the consumers of one host received.</summary>
    public sealed class Received
    {
        public ConcurrentDictionary<Guid, bool> Ids { get; } = new();
    }

    public sealed class PingConsumer(Received received) : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context) { received.Ids[context.Message.Id] = true; return Task.CompletedTask; }
    }

    public sealed class PongConsumer(Received received) : IConsumer<Pong>
    {
        public Task Consume(ConsumeContext<Pong> context) { received.Ids[context.Message.Id] = true; return Task.CompletedTask; }
    }

    /// <summary>The test's handle on each receive endpoint, by queue name, to stop one.</summary>
    public sealed class EndpointHandles : IReceiveEndpointObserver
    {
        public ConcurrentDictionary<string, IReceiveEndpoint> Endpoints { get; } = new();

        public Task Ready(ReceiveEndpointReady ready)
        {
            Endpoints[ready.InputAddress.AbsolutePath.Split('/')[^1]] = ready.ReceiveEndpoint;
            return Task.CompletedTask;
        }

        public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;
        public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;
        public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
    }

    public async Task InitializeAsync() => vhost = await RabbitMqVirtualHost.CreateAsync("bus-health");

    public async Task DisposeAsync() => await vhost.DisposeAsync();

    [Fact]
    public async Task An_endpoint_that_stays_stopped_turns_health_degraded_then_unhealthy_naming_it()
    {
        await using var host = await StartAsync(unhealthyAfter: TimeSpan.FromSeconds(4));
        await AssertConsumesAsync(host);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetAsync(host, "/health"));

        // Stopped and never started again, not removed: the state MassTransit issue 6001 leaves an endpoint in.
        await host.App.Services.GetRequiredService<EndpointHandles>().Endpoints["ping"].Stop(CancellationToken.None);

        var degraded = await CheckAsync(host, EndpointsCheck);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.StartsWith("ping not ready for", degraded.Description);
        Assert.Equal((HttpStatusCode.OK, "Degraded"), await GetAsync(host, "/health"));

        var unhealthy = await Eventually.ReturnsAsync(() => CheckAsync(host, EndpointsCheck),
            c => c.Status == HealthStatus.Unhealthy, TimeSpan.FromSeconds(20), "bus-endpoints Unhealthy after the grace period");
        Assert.Matches(@"^ping not ready for \d+ s \(Completed \(stopped\)\)$", unhealthy.Description); // the other endpoints are fine
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await GetAsync(host, "/health"));
        // MassTransit's own view of the same bus stays Degraded, which /health answers with a 200: alone, it would
        // never get the service restarted.
        Assert.Equal(BusHealthStatus.Degraded, host.App.Services.GetRequiredService<IBusControl>().CheckHealth().Status);
        // Liveness is about the process: a bus problem never makes it fail.
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetAsync(host, "/alive"));
    }

    [Fact]
    public async Task A_broker_outage_longer_than_the_limits_turns_health_unhealthy_but_never_stops_the_process()
    {
        // Limits far shorter than the outage: a watchdog that did not wait for the broker would stop the process at
        // StopAfter + UnhealthyAfter = 10 s.
        await using var relay = TcpRelay.Start(TestInfrastructure.RabbitMqHost, 5672);
        await using var host = await StartAsync(unhealthyAfter: TimeSpan.FromSeconds(8), stopAfter: TimeSpan.FromSeconds(2), relay: relay);
        await AssertConsumesAsync(host);

        var outage = Stopwatch.StartNew();
        relay.Down();
        await Eventually.ReturnsAsync(() => CheckAsync(host, EndpointsCheck), c => c.Status != HealthStatus.Healthy,
            TimeSpan.FromSeconds(5), "bus-endpoints to notice the outage");
        Assert.Equal((HttpStatusCode.OK, "Degraded"), await GetAsync(host, "/health"));
        var unhealthy = await Eventually.ReturnsAsync(() => CheckAsync(host, EndpointsCheck), c => c.Status == HealthStatus.Unhealthy,
            TimeSpan.FromSeconds(15), "bus-endpoints Unhealthy after the grace period");
        Assert.Contains("ping not ready for", unhealthy.Description);
        Assert.Contains("pong not ready for", unhealthy.Description);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await GetAsync(host, "/health"));
        // Even now MassTransit's own check says Degraded (a 200): its bus endpoint, not started until a request client
        // needs it, counts as a healthy endpoint, and it calls the bus Unhealthy only when every endpoint is down.
        Assert.Equal(HealthStatus.Degraded, (await CheckAsync(host, "masstransit-bus")).Status);
        if (TimeSpan.FromSeconds(16) - outage.Elapsed is { } rest && rest > TimeSpan.Zero) await Task.Delay(rest);
        Assert.False(host.App.Lifetime.ApplicationStopping.IsCancellationRequested, "stopped during a broker outage");

        relay.Resume();
        var back = Stopwatch.StartNew();
        await Eventually.ReturnsAsync(() => CheckAsync(host, EndpointsCheck), c => c.Status == HealthStatus.Healthy,
            TimeSpan.FromSeconds(90), "bus-endpoints Healthy once the broker is back"); // MassTransit's reconnects back off
        output.WriteLine($"endpoints ready again {back.Elapsed.TotalSeconds:0.0} s after a {outage.Elapsed.TotalSeconds - back.Elapsed.TotalSeconds:0} s outage");
        await AssertConsumesAsync(host);
        Assert.False(host.App.Lifetime.ApplicationStopping.IsCancellationRequested, "stopped after the broker came back");
    }

    [Fact]
    public async Task The_watchdog_stops_the_process_when_an_endpoint_stays_stopped_while_the_broker_is_up()
    {
        var logs = new LogCollector();
        await using var host = await StartAsync(unhealthyAfter: TimeSpan.FromSeconds(1), stopAfter: TimeSpan.FromSeconds(3), logs);
        await AssertConsumesAsync(host);

        var stoppedAt = DateTime.UtcNow;
        await host.App.Services.GetRequiredService<EndpointHandles>().Endpoints["ping"].Stop(CancellationToken.None);
        await AssertStoppedByWatchdogAsync(host, stoppedAt + TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(20));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("ping not ready for"));
    }

    /// <summary>The watchdog stops the application, not before <paramref name="notBefore"/>, with exit code 1.</summary>
    internal static async Task AssertStoppedByWatchdogAsync(ServiceTestHost host, DateTime notBefore, TimeSpan within)
    {
        try
        {
            await Eventually.ReturnsAsync(() => Task.FromResult(host.App.Lifetime.ApplicationStopping.IsCancellationRequested),
                stopping => stopping, within, "the watchdog to stop the application");
            Assert.True(DateTime.UtcNow >= notBefore, "not before Bus:StopAfter");
            Assert.Equal(1, Environment.ExitCode); // so that an on-failure restart policy restarts it as well
        }
        finally
        {
            Environment.ExitCode = 0; // the test process's own
        }
    }

    private async Task<ServiceTestHost> StartAsync(TimeSpan unhealthyAfter, TimeSpan? stopAfter = null, LogCollector? logs = null, TcpRelay? relay = null) =>
        await ServiceTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Bus:Transport"] = "RabbitMq",
                ["ConnectionStrings:RabbitMq"] = relay is null ? vhost.ConnectionString
                    : $"amqp://{TestInfrastructure.RabbitMqUser}:{TestInfrastructure.RabbitMqPassword}@127.0.0.1:{relay.Port}/{Uri.EscapeDataString(vhost.Name)}",
                ["Bus:UnhealthyAfter"] = unhealthyAfter.ToString(),
                ["Bus:StopAfter"] = (stopAfter ?? TimeSpan.Zero).ToString(),
            },
            builder =>
            {
                builder.AddServiceDefaults();
                builder.Services.AddSingleton<Received>();
                builder.Services.AddSingleton<EndpointHandles>();
                builder.Services.AddReceiveEndpointObserver(sp => sp.GetRequiredService<EndpointHandles>());
                if (logs is not null) builder.Logging.AddProvider(logs);
                builder.AddIngestionBus(bus => bus.AddConsumer<PingConsumer>(), bus => bus.AddConsumer<PongConsumer>());
            },
            app => app.MapDefaultEndpoints());

    private static async Task AssertConsumesAsync(ServiceTestHost host)
    {
        var ping = Guid.NewGuid();
        var pong = Guid.NewGuid();
        var bus = host.App.Services.GetRequiredService<IBus>();
        await bus.Publish(new Ping(ping));
        await bus.Publish(new Pong(pong));
        var received = host.App.Services.GetRequiredService<Received>();
        await Eventually.ReturnsAsync(() => Task.FromResult(received.Ids.ContainsKey(ping) && received.Ids.ContainsKey(pong)),
            done => done, TimeSpan.FromSeconds(20), "both consumers to receive their message");
    }

    internal static async Task<(HealthStatus Status, string? Description)> CheckAsync(ServiceTestHost host, string check)
    {
        var report = await host.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == check);
        var entry = report.Entries[check];
        return (entry.Status, entry.Description);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(ServiceTestHost host, string path)
    {
        using var http = host.CreateClient();
        var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public sealed class LogCollector : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(LogCollector owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}

/// <summary>Tests whose watchdog sets the process's exit code, which they read and reset: one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ExitCodeCollection
{
    public const string Name = "process exit code";
}
